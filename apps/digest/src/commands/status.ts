import { Cron } from "croner";
import type { CliIo } from "../cli/io.js";
import { parseNow } from "../cli/parse-now.js";
import { openLedger } from "../state/open-ledger.js";
import { readConfig, redactorOf } from "./open-digests.js";

const DAY_MS = 86_400_000;

/**
 * `briefing status`: each digest with its schedule, last runs (period, sent, failed, pending),
 * next scheduled time, and recent failures; each source with its last fetch, or how long it has
 * been failing and why.
 */
export async function statusCommand(
  options: { config?: string; now?: string },
  io: CliIo,
): Promise<number> {
  const config = await readConfig(options.config, io);
  const now = parseNow(options.now, io.now);
  const ledger = await openLedger(config.state);
  const lines = [`state: ${config.state}`, `transport: ${config.transport}`, ""];
  try {
    for (const digest of config.digests) {
      const next = new Cron(digest.schedule, { timezone: digest.timezone, paused: true }).nextRun(
        now,
      );
      lines.push(
        `${digest.name}: "${digest.schedule}" ${digest.timezone}, ${digest.recipients.length} recipient${digest.recipients.length === 1 ? "" : "s"}`,
      );
      lines.push(`  next run: ${next?.toISOString() ?? "never"}`);
      lines.push(`  unsubscribed: ${await ledger.unsubscribedCount(digest.name)}`);
      const runs = await ledger.recentRuns(digest.name, 3);
      if (runs.length === 0) lines.push("  last run: never");
      for (const run of runs) {
        const d = await ledger.deliveries(run.id);
        const covered = (await ledger.runArticles(run.id)).length;
        const count = (status: string) => d.filter((x) => x.status === status).length;
        const pending = count("pending") + count("sending");
        lines.push(
          `  run ${run.periodStart} → ${run.periodEnd}: ${run.status}, ${covered} articles, ${count("sent")} sent, ${count("failed")} failed${pending > 0 ? `, ${pending} pending` : ""}`,
        );
      }
      for (const f of await ledger.recentFailures(digest.name, 5))
        lines.push(
          `  ${f.status === "failed" ? "refused" : "pending"}: ${f.recipient} (${f.periodEnd}, ${f.attempts} attempt${f.attempts === 1 ? "" : "s"}): ${f.lastError}`,
        );
    }
    const articles = (n: number) => `${n} article${n === 1 ? "" : "s"}`;
    if (config.sources.length > 0)
      lines.push("", `sources: ${articles(await ledger.store.count())} stored`);
    for (const source of config.sources) {
      const row = await ledger.store.source(source.url);
      const label = source.name ? `${source.name} <${source.url}>` : source.url;
      if (!row?.lastAttemptAt) {
        lines.push(`  ${label}: never fetched`);
        continue;
      }
      const failingFor = row.failingSince ? now.getTime() - Date.parse(row.failingSince) : 0;
      lines.push(
        row.failingSince
          ? `  ${label}: ${failingFor >= DAY_MS ? "FAILING for a day or more" : "failing"} since ${row.failingSince}: ${row.lastError}`
          : `  ${label}: fetched ${row.lastSuccessAt}`,
      );
    }
  } finally {
    await ledger.close();
  }
  const redact = redactorOf(config);
  io.stdout(`${lines.map(redact).join("\n")}\n`);
  return 0;
}
