import pg from "pg";
import PgBoss from "pg-boss";
import type { DigestJobs } from "../digest/run-digest.js";
import type { PostgresLedger } from "../state/postgres-ledger.js";

/** The queue of recipient slices a period is sent in. */
export const SEND_BATCH = "send-batch";
/** The queue of periods to build: one job per period, its briefing and email made once. */
export const BUILD_DIGEST = "build-digest";

/** The queue of sources to fetch: one job per due source, fetched by whichever worker is free. */
export const FETCH_SOURCE = "fetch-source";

/** One `fetch-source` job: a configured source's address. */
export interface FetchSourceJob {
  url: string;
}

/** How long a worker may build a period before another takes the build over, at least. */
const BUILD_TIMEOUT_SECONDS = 120;

/** One `build-digest` job: a recorded period whose email is still to be made. */
export interface BuildDigestJob {
  digest: string;
  runId: number;
}

/** One `send-batch` job: a slice of a run's recipients. */
export interface SendBatchJob {
  digest: string;
  runId: number;
  recipients: string[];
}

/** Options of {@link openJobs}. */
export interface OpenJobsOptions {
  /** How long a worker may hold a batch before another takes it over. */
  batchTimeoutSeconds: number;
  /** Told about the queue's own errors (a lost connection, say): they never crash a process. */
  onError: (error: Error) => void;
}

/**
 * The schema the queue lives in: `pgboss` beside a store in `public`, else `<schema>_pgboss`, so
 * that stores kept apart by their search path (two deployments in one database) have queues
 * apart too.
 */
async function queueSchema(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT current_schema() AS schema");
    const schema = (rows[0] as { schema: string | null }).schema ?? "public";
    return schema === "public" ? "pgboss" : `${schema}_pgboss`;
  } finally {
    await client.end();
  }
}

/**
 * The digests' job queue on pg-boss 10, in the same PostgreSQL database as the store (its own
 * schema). A batch whose worker dies is taken over once its timeout passes; a batch that
 * fails (the SMTP server down, say) is tried again after a delay, ten times at most.
 */
export async function openJobs(
  url: string,
  options: OpenJobsOptions,
): Promise<{ boss: PgBoss; schema: string }> {
  const schema = await queueSchema(url);
  const boss = new PgBoss({
    connectionString: url,
    schema,
    // Expired batches are found by the queue's maintenance: often enough that a dead worker's
    // batch waits about its timeout, not minutes more.
    maintenanceIntervalSeconds: Math.max(
      1,
      Math.min(120, Math.ceil(options.batchTimeoutSeconds / 2)),
    ),
  });
  boss.on("error", options.onError);
  await boss.start();
  // Processes starting together race to create the queue: the losers try again.
  for (let attempt = 1; ; attempt++) {
    try {
      for (const name of [SEND_BATCH, BUILD_DIGEST, FETCH_SOURCE])
        await boss.createQueue(name, { name, ...retries(options.batchTimeoutSeconds) });
      return { boss, schema };
    } catch (error) {
      if (attempt >= CREATE_ATTEMPTS) {
        await boss.stop({ graceful: false, wait: true }).catch(() => {});
        throw error;
      }
      await new Promise((retry) => setTimeout(retry, 100 * attempt));
    }
  }
}

/** Tries at creating the queue before giving up. */
const CREATE_ATTEMPTS = 5;

function retries(batchTimeoutSeconds: number) {
  return {
    expireInSeconds: batchTimeoutSeconds,
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
  };
}

/** The batches of a run: its recipients in slices of `size`, each a job. */
export function batchesOf(
  run: { digest: string; runId: number },
  recipients: readonly string[],
  options: { size: number; batchTimeoutSeconds: number },
): PgBoss.JobInsert<SendBatchJob>[] {
  const jobs: PgBoss.JobInsert<SendBatchJob>[] = [];
  for (let at = 0; at < recipients.length; at += options.size)
    jobs.push({
      name: SEND_BATCH,
      data: {
        digest: run.digest,
        runId: run.runId,
        recipients: recipients.slice(at, at + options.size),
      },
      ...retries(options.batchTimeoutSeconds),
    });
  return jobs;
}

/**
 * The values of a data field (`url`, `runId`) that live jobs of a queue hold among `values`:
 * pg-boss 10 keeps its jobs in `<schema>.job`, states before 'completed' being live (waiting,
 * retrying or worked on).
 */
async function liveValues(
  { boss, schema }: { boss: PgBoss; schema: string },
  queue: string,
  field: string,
  values: readonly string[],
): Promise<Set<string>> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT DISTINCT data->>'${field}' AS value FROM ${schema}.job WHERE name = $1 AND state < 'completed' AND data->>'${field}' = ANY($2)`,
      [queue, values],
    );
  return new Set((rows as { value: string }[]).map((r) => r.value));
}

/**
 * Hands sources to the workers: each one queued unless its fetch is already queued or under
 * way; `pending` counts those of them not yet done. A fetch is taken over from a worker after
 * `timeoutSeconds`: long enough for a slow feed and the item pages it sends for.
 */
export function sourceJobs(
  opened: { boss: PgBoss; schema: string },
  options: { timeoutSeconds: number },
) {
  const { boss } = opened;
  const live = (urls: readonly string[]) => liveValues(opened, FETCH_SOURCE, "url", urls);
  return {
    /** Queues the sources not already queued; returns those it queued. */
    async queue(urls: readonly string[]): Promise<string[]> {
      const busy = await live(urls);
      const fresh = urls.filter((url) => !busy.has(url));
      if (fresh.length > 0)
        await boss.insert(
          fresh.map((url) => ({
            name: FETCH_SOURCE,
            data: { url } satisfies FetchSourceJob,
            ...retries(options.timeoutSeconds),
          })),
        );
      return fresh;
    },
    /** How many of these sources are still queued or being fetched. */
    async pending(urls: readonly string[]): Promise<number> {
      return (await live(urls)).size;
    },
  };
}

/**
 * Hands periods to the workers: a period to build is queued once while its build lives; a built
 * period's compiled email is kept and its batches queued in one transaction, so a period is
 * queued once, whole, or not at all.
 */
export function digestJobs(
  opened: { boss: PgBoss; schema: string },
  ledger: PostgresLedger,
  options: { size: number; batchTimeoutSeconds: number; wait: boolean },
): DigestJobs {
  const { boss } = opened;
  const isLive = async (queue: string, runId: number) =>
    (await liveValues(opened, queue, "runId", [String(runId)])).size > 0;
  return {
    wait: options.wait,
    async build(run) {
      // A build still waiting, retrying or worked on will queue the period's batches itself.
      if (await isLive(BUILD_DIGEST, run.id)) return false;
      await boss.insert([
        {
          name: BUILD_DIGEST,
          data: { digest: run.digest, runId: run.id } satisfies BuildDigestJob,
          // Reading a period's articles takes a while on a busy machine: a build is taken over
          // only after two minutes (or a batch's timeout, when longer).
          ...retries(Math.max(BUILD_TIMEOUT_SECONDS, options.batchTimeoutSeconds)),
        },
      ]);
      return true;
    },
    async requeueIfIdle(run, recipients) {
      // A batch still waiting, retrying or worked on will settle its recipients; only a period
      // whose batches are all gone (given up after their retries, or lost) is queued again.
      if ((await isLive(SEND_BATCH, run.id)) || recipients.length === 0) return 0;
      const jobs = batchesOf({ digest: run.digest, runId: run.id }, recipients, options);
      await boss.insert(jobs);
      return jobs.length;
    },
    async queue(run, email, recipients) {
      const jobs = batchesOf({ digest: run.digest, runId: run.id }, recipients, options);
      const queued = await ledger.saveEmailAnd(run.id, JSON.stringify(email), async (db) => {
        if (jobs.length > 0) await boss.insert(jobs, { db });
      });
      return queued ? jobs.length : 0;
    },
  };
}
