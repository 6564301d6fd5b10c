import { access } from "node:fs/promises";
import { resolve } from "node:path";
import type { Article } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import type PgBoss from "pg-boss";
import { UsageError } from "../cli/errors.js";
import { type CliIo, writeProblems } from "../cli/io.js";
import type { Config } from "../config/digest-config.js";
import { ConfigError } from "../config/errors.js";
import { loadConfig } from "../config/load-config.js";
import { createRedactor, transportSecrets } from "../config/redact-secrets.js";
import { createMailer } from "../delivery/create-mailer.js";
import type { DigestEvent } from "../delivery/digest-event.js";
import { createRateLimiter } from "../delivery/rate-limiter.js";
import type { DigestContext } from "../digest/run-digest.js";
import { isPostgresUrl, openLedger } from "../state/open-ledger.js";
import type { PostgresLedger } from "../state/postgres-ledger.js";

const DEFAULT_CONFIGS = ["briefing.config.yaml", "briefing.config.yml", "briefing.config.json"];

/** The configuration file `--config` names, or the first default one in the working folder. */
export async function findConfig(option: string | undefined, io: CliIo): Promise<string> {
  if (option) return resolve(io.cwd, option);
  for (const name of DEFAULT_CONFIGS) {
    const path = resolve(io.cwd, name);
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  throw new UsageError(
    `no configuration: expected --config FILE or one of ${DEFAULT_CONFIGS.join(", ")} in ${io.cwd}`,
  );
}

/**
 * The configuration, read with the environment's SMTP_URL and BRIEFING_SECRET. Commands that
 * send mail or answer unsubscribes (`needsSecret`) refuse to start without the owner's secret:
 * every token is signed by it.
 */
export async function readConfig(
  option: string | undefined,
  io: CliIo,
  options: { needsSecret?: boolean } = {},
): Promise<Config> {
  const path = await findConfig(option, io);
  const config = await loadConfig(path, {
    ...(io.env.SMTP_URL !== undefined ? { smtpUrl: io.env.SMTP_URL } : {}),
    ...(io.env.BRIEFING_SECRET !== undefined ? { secret: io.env.BRIEFING_SECRET } : {}),
  });
  if (options.needsSecret && !config.secret)
    throw new ConfigError(path, [
      "secret: expected a secret of at least 16 characters to sign unsubscribe tokens (in the configuration or BRIEFING_SECRET), found none",
    ]);
  return config;
}

/** The one redaction of a configuration's secrets: the token secret, the SMTP and feed passwords. */
export function redactorOf(config: Config): (text: string) => string {
  return createRedactor([
    config.secret,
    ...transportSecrets(config.transport),
    // A feed's or the database's password, should their URLs carry one.
    ...config.sources.flatMap((s) => transportSecrets(s.url)),
    ...transportSecrets(config.state),
  ]);
}

/**
 * Everything a digest command needs, opened once; `close` releases the database and the pool.
 * With a PostgreSQL store, also the job queue (`queue`): periods are handed to the workers, and
 * `wait` waits until they have sent them.
 */
export async function openDigests(
  config: Config,
  io: CliIo,
  log: (event: DigestEvent) => void,
  options: { wait?: boolean; lanes?: number } = {},
): Promise<DigestContext & { close: () => Promise<void>; boss?: PgBoss }> {
  const ledger = await openLedger(config.state);
  const mailer = createMailer(config.transport, {
    timeoutMs: config.delivery.timeoutMs,
    ...(options.lanes !== undefined ? { lanes: options.lanes } : {}),
  });
  const redact = redactorOf(config);
  // The queue's code (pg-boss) is loaded only where there is a queue.
  const queue = isPostgresUrl(config.state) ? await import("../jobs/digest-jobs.js") : undefined;
  const jobs = await queue?.openJobs(config.state, {
    batchTimeoutSeconds: config.delivery.batchTimeoutSeconds,
    onError: (error) => io.stderr(`job queue: ${oneLine(redact(error.message))}\n`),
  });
  let corpus: Promise<Article[]> | undefined;
  const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
  return {
    config,
    ledger,
    mailer,
    loadArticles: async (window) => {
      corpus ??=
        config.corpus.length === 0
          ? Promise.resolve([])
          : loadCorpus(config.corpus).then(({ articles: read, problems }) => {
              writeProblems(problems, io);
              return read;
            });
      const files = await corpus;
      const known = new Set(files.map((a) => a.id));
      const stored = (
        await ledger.store.seenBetween(window.from.toISOString(), window.to.toISOString())
      ).filter((s) => !known.has(s.article.id));
      return {
        articles: [...files, ...stored.map((s) => s.article)],
        firstSeen: new Map(stored.map((s) => [s.article.id, s.firstSeen])),
      };
    },
    clock: io.now,
    sleep,
    random: Math.random,
    log,
    redact,
    ...(config.delivery.maxPerSecond
      ? {
          rateLimit: createRateLimiter({
            store: ledger,
            name: `transport ${transportName(config.transport)}`,
            perSecond: config.delivery.maxPerSecond,
            clock: io.now,
            sleep,
          }),
        }
      : {}),
    ...(queue && jobs
      ? {
          boss: jobs.boss,
          jobs: queue.digestJobs(jobs, ledger as PostgresLedger, {
            size: config.delivery.batchSize,
            batchTimeoutSeconds: config.delivery.batchTimeoutSeconds,
            wait: options.wait === true,
          }),
        }
      : {}),
    close: async () => {
      await jobs?.boss.stop({ graceful: true, wait: true });
      mailer.close();
      await ledger.close();
    },
  };
}

/** Control characters (CR, LF among them) shown as spaces: a printed line stays one line. */
export function oneLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, " ");
}

/** A digest event as one line for a person reading stderr. */
export function describeEvent(event: DigestEvent): string {
  return oneLine(describeEventText(event));
}

function describeEventText(event: DigestEvent): string {
  switch (event.kind) {
    case "busy":
      return `${event.digest}: another process is running this digest; skipped`;
    case "not-due":
      return `${event.digest}: not due${event.next ? `; next at ${event.next}` : ""}`;
    case "run-started":
      return `${event.digest}: ${event.resumed ? "resuming" : "sending"} ${event.periodStart} → ${event.periodEnd}: ${event.articles} article${event.articles === 1 ? "" : "s"}, ${event.recipients} recipient${event.recipients === 1 ? "" : "s"}`;
    case "first-run":
      return `${event.digest}: first digest, covering what arrived from ${event.periodStart} to ${event.periodEnd}${event.older > 0 ? `; ${event.older} earlier article${event.older === 1 ? " is" : "s are"} history, not news (--backfill DAYS takes in the last DAYS)` : ""}`;
    case "nothing-new":
      return `${event.digest}: nothing new ${event.periodStart} → ${event.periodEnd}; no email sent`;
    case "sent":
      return `${event.digest}: sent to ${event.recipient}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`;
    case "retry":
      return `${event.digest}: ${event.recipient}: ${event.error}; retrying in ${event.delayMs} ms`;
    case "failed":
      return `${event.digest}: ${event.recipient}: ${event.final ? "refused" : `gave up for now after ${event.attempts} attempts`}: ${event.error}`;
    case "transport-failed":
      return `${event.digest}: the mail transport failed: ${event.error}`;
    case "transport-down":
      return `${event.digest}: the mail server could not be reached ${event.failures} times in a row (${event.error}); stopping, ${event.pending} recipient${event.pending === 1 ? "" : "s"} left pending for the next run`;
    case "suppressed":
      return `${event.digest}: ${event.recipient} unsubscribed; not sent`;
    case "queued":
      return `${event.digest}: ${event.periodEnd}: ${event.recipients} recipient${event.recipients === 1 ? "" : "s"} queued for the workers in ${event.batches} batch${event.batches === 1 ? "" : "es"}`;
    case "build-queued":
      return `${event.digest}: ${event.periodEnd}: queued for the workers to build and send to ${event.recipients} recipient${event.recipients === 1 ? "" : "s"}`;
    case "missing-articles":
      return `${event.digest}: ${event.count} article${event.count === 1 ? " is" : "s are"} no longer in the corpus`;
    case "run-finished":
      return `${event.digest}: ${event.periodEnd}: ${event.sent} sent, ${event.failed} failed, ${event.pending} pending`;
  }
}

/** Where messages go, without credentials: senders to the same server share its rate limit. */
function transportName(transport: string): string {
  if (transport.startsWith("file:")) return transport;
  const url = new URL(transport);
  return `${url.protocol}//${url.host}`;
}
