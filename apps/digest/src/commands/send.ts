import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { parseNow } from "../cli/parse-now.js";
import type { DigestEvent } from "../delivery/digest-event.js";
import { runDigest } from "../digest/run-digest.js";
import { fetchDue } from "./fetch.js";
import { describeEvent, oneLine, openDigests, readConfig, redactorOf } from "./open-digests.js";

/** Options of `send` and `run-due`. */
export interface SendOptions {
  config?: string;
  now?: string;
  /** A digest's first issue covers the last this many days. */
  backfill?: string;
  /** With a PostgreSQL state: wait until the workers have sent the period. */
  wait?: boolean;
}

/**
 * `briefing send <digest>`: builds and sends the digest for the period ending now. Exit code 1
 * when a recipient was refused or is still pending, or the transport failed.
 */
export async function sendCommand(name: string, options: SendOptions, io: CliIo): Promise<number> {
  const config = await readConfig(options.config, io, { needsSecret: true });
  const digest = config.digests.find((d) => d.name === name);
  if (!digest)
    throw new UsageError(
      `no digest "${name}": expected one of ${config.digests.map((d) => d.name).join(", ")}`,
    );
  return runDigests(config, [digest], "now", options, io);
}

/** `briefing run-due`: sends every digest whose scheduled time passed since its last run. */
export async function runDueCommand(options: SendOptions, io: CliIo): Promise<number> {
  const config = await readConfig(options.config, io, { needsSecret: true });
  return runDigests(config, config.digests, "due", options, io);
}

async function runDigests(
  config: Awaited<ReturnType<typeof readConfig>>,
  digests: typeof config.digests,
  mode: "due" | "now",
  options: SendOptions,
  io: CliIo,
): Promise<number> {
  const now = parseNow(options.now, io.now);
  const backfillDays = options.backfill === undefined ? undefined : parseDays(options.backfill);
  const redact = redactorOf(config);
  let trouble = false;
  const log = (event: DigestEvent) => {
    if (
      event.kind === "failed" ||
      event.kind === "transport-failed" ||
      event.kind === "transport-down" ||
      (event.kind === "busy" && mode === "now") ||
      (event.kind === "run-finished" && (event.failed > 0 || event.pending > 0))
    )
      trouble = true;
    io.stderr(`${redact(describeEvent(event))}\n`);
  };
  const context = await openDigests(config, io, log, { wait: options.wait === true });
  try {
    // The sources first: a digest tells what they hold now.
    await fetchDue(config, context.ledger, now, io);
    for (const digest of digests) {
      try {
        await runDigest(digest, mode, now, context, {
          ...(backfillDays !== undefined ? { backfillDays } : {}),
        });
      } catch (error) {
        trouble = true;
        io.stderr(`${digest.name}: ${oneLine(redact((error as Error).message))}\n`);
      }
    }
  } finally {
    await context.close();
  }
  return trouble ? 1 : 0;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days < 1 || days > 3650)
    throw new UsageError(`--backfill: expected a number of days from 1 to 3650, found "${value}"`);
  return days;
}
