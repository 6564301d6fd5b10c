import type { CliIo } from "../cli/io.js";
import { parseNow } from "../cli/parse-now.js";
import type { Config } from "../config/digest-config.js";
import { dueSources, type FetchEvent, fetchSources } from "../sources/fetch-sources.js";
import type { DigestStore } from "../state/digest-store.js";
import { isPostgresUrl, openLedger } from "../state/open-ledger.js";
import { oneLine, readConfig, redactorOf } from "./open-digests.js";

/** Options of `briefing fetch`. */
export interface FetchCommandOptions {
  config?: string;
  now?: string;
  /** Fetch every source, due or not. */
  all?: boolean;
  /** With a PostgreSQL state: wait until the workers have fetched the queued sources. */
  wait?: boolean;
}

/** How often `--wait` looks at the queued sources. */
const WAIT_POLL_MS = 250;

/**
 * `briefing fetch`: fetches the configuration's sources that are due into the article store and
 * says what each gave. Exit code 1 when a source failed (the others are stored all the same).
 * With a PostgreSQL state, the due sources are queued for the workers instead (`fetch-source`
 * jobs, each source once while its fetch lives), and `--wait` waits until they are fetched.
 */
export async function fetchCommand(options: FetchCommandOptions, io: CliIo): Promise<number> {
  const config = await readConfig(options.config, io);
  const now = parseNow(options.now, io.now);
  const ledger = await openLedger(config.state);
  try {
    if (isPostgresUrl(config.state)) return await queueDue(config, ledger, now, io, options);
    const events = await fetchDue(config, ledger, now, io, { force: options.all === true });
    if (config.sources.length === 0)
      io.stderr("no sources in the configuration: nothing to fetch\n");
    return events.some((e) => e.kind === "fetch-failed") ? 1 : 0;
  } finally {
    await ledger.close();
  }
}

/** Queues the due sources for the workers, says how many, and waits for them when asked. */
async function queueDue(
  config: Config,
  ledger: DigestStore,
  now: Date,
  io: CliIo,
  options: FetchCommandOptions,
): Promise<number> {
  if (config.sources.length === 0) {
    io.stderr("no sources in the configuration: nothing to fetch\n");
    return 0;
  }
  const redact = redactorOf(config);
  const { openJobs, sourceJobs } = await import("../jobs/digest-jobs.js");
  const opened = await openJobs(config.state, {
    batchTimeoutSeconds: config.delivery.batchTimeoutSeconds,
    onError: (error) => io.stderr(`job queue: ${oneLine(redact(error.message))}\n`),
  });
  try {
    // A fetch asks for the feed, then for item pages: ten requests' time before a takeover.
    const jobs = sourceJobs(opened, {
      timeoutSeconds: Math.max(60, 10 * Math.ceil(config.fetch.timeoutMs / 1000)),
    });
    const { due, skipped } = await dueSources(config.sources, {
      store: ledger.store,
      fetch: config.fetch,
      now,
      force: options.all === true,
    });
    const urls = due.map((d) => d.source.url);
    const queued = await jobs.queue(urls);
    const busy = urls.length - queued.length;
    io.stderr(
      `${queued.length} source${queued.length === 1 ? "" : "s"} queued for the workers to fetch${busy > 0 ? `; ${busy} already queued` : ""}${skipped.length > 0 ? `; ${skipped.length} fetched recently` : ""}\n`,
    );
    if (options.wait)
      while ((await jobs.pending(urls)) > 0)
        await new Promise((next) => setTimeout(next, WAIT_POLL_MS));
    return 0;
  } finally {
    await opened.boss.stop({ graceful: true, wait: true });
  }
}

/** Fetches the due sources into the ledger's store, each outcome printed as one line on stderr. */
export async function fetchDue(
  config: Config,
  ledger: DigestStore,
  now: Date,
  io: CliIo,
  options: { force?: boolean; log?: (event: FetchEvent) => void } = {},
): Promise<FetchEvent[]> {
  if (config.sources.length === 0) return [];
  const redact = redactorOf(config);
  const print = (line: string) => io.stderr(`${redact(line)}\n`);
  const events = await fetchSources(config.sources, {
    store: ledger.store,
    fetch: config.fetch,
    now,
    force: options.force === true,
    // Sources not due are counted in one line, not listed.
    log:
      options.log ??
      ((event) => {
        if (event.kind !== "fetch-skipped") print(describeFetchEvent(event));
      }),
  });
  const skipped = events.filter((e) => e.kind === "fetch-skipped");
  if (!options.log && skipped.length > 0) {
    const next = skipped.map((e) => e.next).sort()[0];
    print(
      skipped.length === 1
        ? describeFetchEvent(skipped[0] as FetchEvent)
        : `${skipped.length} sources fetched recently; the next is due at ${next} (--all fetches them now)`,
    );
  }
  return events;
}

/** A fetch outcome as one line for a person reading stderr. */
export function describeFetchEvent(event: FetchEvent): string {
  switch (event.kind) {
    case "fetched": {
      if (event.answer === "not-modified") return oneLine(`${event.source}: not modified (304)`);
      const { new: fresh, updated, unchanged } = event.counts;
      return oneLine(
        `${event.source}: ${fresh} new, ${updated} updated, ${unchanged} unchanged article${fresh + updated + unchanged === 1 ? "" : "s"}`,
      );
    }
    case "fetch-failed":
      return oneLine(`${event.source}: failed: ${event.reason}; tried again next time`);
    case "fetch-skipped":
      return oneLine(`${event.source}: fetched recently; next due at ${event.next}`);
    case "fetch-warning":
      return oneLine(`${event.source}: ${event.where}: ${event.message}`);
  }
}
