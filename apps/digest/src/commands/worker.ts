import type PgBoss from "pg-boss";
import { pino } from "pino";
import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { parseCount } from "../cli/parse-count.js";
import { untilSignal } from "../cli/until-signal.js";
import { sendRun } from "../delivery/send-run.js";
import { buildQueuedRun, sendContextOf } from "../digest/run-digest.js";
import {
  BUILD_DIGEST,
  type BuildDigestJob,
  FETCH_SOURCE,
  type FetchSourceJob,
  SEND_BATCH,
  type SendBatchJob,
} from "../jobs/digest-jobs.js";
import type { CompiledEmail } from "../render/compile-email.js";
import { fetchSources } from "../sources/fetch-sources.js";
import { isPostgresUrl } from "../state/open-ledger.js";
import { openDigests, readConfig, redactorOf } from "./open-digests.js";

/** Options of `briefing worker`. */
export interface WorkerOptions {
  config?: string;
  /** Batches worked at once by this process. */
  concurrency?: string;
}

/**
 * `briefing worker`: with the state in PostgreSQL, fetches the sources `fetch` queues, builds the
 * periods `run-due`, `send` and `schedule` queue (each period's briefing and email made once,
 * its recipients then queued in batches) and sends the batches, on as many processes and
 * machines as wanted. Each batch's deliveries are
 * recorded around every SMTP exchange as `run-due` records them, so a batch taken over from a
 * worker that died re-sends at most the message in flight, with its Message-ID. Logs JSON lines
 * (pino) to stderr; SIGINT or SIGTERM stops it after the batches in flight.
 */
export async function workerCommand(
  options: WorkerOptions,
  io: CliIo,
  stopped: Promise<unknown> = untilSignal(),
): Promise<number> {
  const config = await readConfig(options.config, io, { needsSecret: true });
  if (!isPostgresUrl(config.state))
    throw new UsageError(
      `worker: expected state: postgres://… in ${config.path} (workers share a PostgreSQL store), found a SQLite file; with SQLite, run-due sends digests itself`,
    );
  const concurrency = parseCount("--concurrency", options.concurrency ?? "2", 1);
  const redact = redactorOf(config);
  const logger = pino(
    { base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    { write: (line: string) => io.stderr(redact(line)) },
  );
  // A connection to the mail server for each batch in hand.
  const context = await openDigests(config, io, (event) => logger.info(event, event.kind), {
    lanes: concurrency,
  });
  const boss = context.boss as PgBoss;
  // Each period's email is compiled once, by whoever queued it; a worker reads it once.
  const emails = new Map<number, CompiledEmail>();
  // The digest and run a job names, or nothing (said in the log) when either is gone.
  const periodOf = async (what: string, { digest: name, runId }: BuildDigestJob) => {
    const digest = config.digests.find((d) => d.name === name);
    const run = await context.ledger.run(runId);
    if (digest && run) return { digest, run };
    logger.warn({ digest: name, runId }, `${what} of a digest or run that no longer exists`);
    return undefined;
  };
  const work = async ([job]: PgBoss.Job<SendBatchJob>[]) => {
    if (!job) return;
    const { digest: name, runId, recipients } = job.data;
    const period = await periodOf("batch", job.data);
    if (!period) return;
    const { digest, run } = period;
    let email = emails.get(runId);
    if (!email) {
      const json = await context.ledger.email(runId);
      if (!json) throw new Error(`${name}: run ${runId} has no compiled email`);
      email = JSON.parse(json) as CompiledEmail;
      emails.set(runId, email);
    }
    // No digest lock here: batches are disjoint, and the queue gives a batch to one worker.
    await sendRun(run, email, {
      ...sendContextOf(digest, context, async () => true),
      only: new Set(recipients),
      // A batch taken over from a worker still alive: what it claimed stays its own.
      claimTimeoutMs: config.delivery.batchTimeoutSeconds * 1000,
    });
  };
  const build = async ([job]: PgBoss.Job<BuildDigestJob>[]) => {
    const period = job && (await periodOf("period", job.data));
    if (period) await buildQueuedRun(period.digest, period.run, context);
  };
  // A source queued by `fetch`: fetched now, its outcome recorded in the store as `fetch`
  // records it (a failure is tried again by the next `fetch`, not by the queue).
  const fetchSource = async ([job]: PgBoss.Job<FetchSourceJob>[]) => {
    if (!job) return;
    const source = config.sources.find((s) => s.url === job.data.url);
    if (!source) {
      logger.warn({ source: job.data.url }, "source no longer in the configuration");
      return;
    }
    await fetchSources([source], {
      store: context.ledger.store,
      fetch: config.fetch,
      now: io.now(),
      force: true,
      log: (event) => logger.info(event, event.kind),
    });
  };
  const polling = { batchSize: 1, pollingIntervalSeconds: 0.5 };
  await boss.work<BuildDigestJob>(BUILD_DIGEST, polling, build);
  await boss.work<FetchSourceJob>(FETCH_SOURCE, polling, fetchSource);
  for (let i = 0; i < concurrency; i++) await boss.work<SendBatchJob>(SEND_BATCH, polling, work);
  logger.info({ concurrency }, "worker started");
  const signal = await stopped;
  logger.info({ signal }, "stopping after the batches in flight");
  await context.close();
  logger.info({}, "stopped");
  return 0;
}
