import { hostname } from "node:os";
import pg from "pg";
import type { DeliveryRow, DigestStore, NewRun, RunRow } from "./digest-store.js";
import { isAlive } from "./is-alive.js";
import { PostgresArticleStore } from "./postgres-article-store.js";
import { inTransaction } from "./postgres-transaction.js";
import {
  DELIVERY_COLUMNS,
  drawTokens,
  type RateLimit,
  RUN_COLUMNS,
  runValues,
  storeSchema,
} from "./store-schema.js";

/** Any key: two processes creating the schema at once take turns. */
const SCHEMA_LOCK = 7_261_947;

/**
 * The digests' state in PostgreSQL (node-postgres): the same tables and promises as the SQLite
 * ledger, for digests sent from several processes and machines. Every change that must be whole
 * (a new period with its deliveries, taking a lock, completing a run) is one transaction; a lock
 * row is taken `FOR UPDATE`, so two processes never both hold a digest.
 */
export class PostgresLedger implements DigestStore {
  readonly store: PostgresArticleStore;

  private constructor(private readonly pool: pg.Pool) {
    this.store = new PostgresArticleStore(pool);
  }

  /** Connects and creates the tables that are missing. */
  static async connect(url: string): Promise<PostgresLedger> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle client whose server went away must not crash the process: the next query fails.
    pool.on("error", () => {});
    try {
      await inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
        await client.query(storeSchema("postgres"));
      });
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return new PostgresLedger(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async rows<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, values)).rows as T[];
  }

  async acquireLock(digest: string, holder: string, nowMs: number, ttlMs: number) {
    return inTransaction(this.pool, async (client) => {
      await client.query(
        "INSERT INTO locks (digest, holder, pid, host, expires_at) VALUES ($1, '', 0, '', 0) ON CONFLICT DO NOTHING",
        [digest],
      );
      const row = (
        await client.query(
          `SELECT holder, pid, host, expires_at::float8 AS "expiresAt" FROM locks WHERE digest = $1 FOR UPDATE`,
          [digest],
        )
      ).rows[0] as { holder: string; pid: number; host: string; expiresAt: number };
      const free =
        row.holder === "" ||
        row.holder === holder ||
        row.expiresAt <= nowMs ||
        (row.host === hostname() && !isAlive(row.pid));
      if (!free) return false;
      await client.query(
        "UPDATE locks SET holder = $2, pid = $3, host = $4, expires_at = $5 WHERE digest = $1",
        [digest, holder, process.pid, hostname(), nowMs + ttlMs],
      );
      return true;
    });
  }

  async refreshLock(digest: string, holder: string, nowMs: number, ttlMs: number) {
    const result = await this.pool.query(
      "UPDATE locks SET expires_at = $1 WHERE digest = $2 AND holder = $3",
      [nowMs + ttlMs, digest, holder],
    );
    return result.rowCount === 1;
  }

  async releaseLock(digest: string, holder: string) {
    await this.pool.query(
      "UPDATE locks SET holder = '', pid = 0, host = '', expires_at = 0 WHERE digest = $1 AND holder = $2",
      [digest, holder],
    );
  }

  async latestRun(digest: string) {
    const [run] = await this.rows<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE digest = $1 ORDER BY period_end DESC LIMIT 1`,
      [digest],
    );
    return run;
  }

  async origin(digest: string) {
    const [row] = await this.rows<{ origin: string | null }>(
      "SELECT MIN(period_start) AS origin FROM runs WHERE digest = $1",
      [digest],
    );
    return row?.origin ?? undefined;
  }

  async unfinishedRuns(digest: string) {
    return this.rows<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE digest = $1 AND status = 'sending' ORDER BY period_end`,
      [digest],
    );
  }

  async recentRuns(digest: string, limit: number) {
    return this.rows<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE digest = $1 ORDER BY period_end DESC LIMIT $2`,
      [digest, limit],
    );
  }

  async coveredArticles(digest: string, articleIds: readonly string[]) {
    const rows = await this.rows<{ id: string }>(
      "SELECT article_id AS id FROM run_articles WHERE digest = $1 AND article_id = ANY($2)",
      [digest, [...articleIds]],
    );
    return new Set(rows.map((r) => r.id));
  }

  async runArticles(runId: number) {
    const rows = await this.rows<{ id: string }>(
      "SELECT article_id AS id FROM run_articles WHERE run_id = $1 ORDER BY article_id",
      [runId],
    );
    return rows.map((r) => r.id);
  }

  async runHistory(runId: number) {
    const rows = await this.rows<{ id: string }>(
      "SELECT article_id AS id FROM run_history WHERE run_id = $1 ORDER BY article_id",
      [runId],
    );
    return rows.map((r) => r.id);
  }

  async createRun(input: NewRun) {
    return inTransaction(this.pool, async (client) => {
      const run = (
        await client.query(
          `INSERT INTO runs (digest, period_start, period_end, status, created_at, completed_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RUN_COLUMNS}`,
          [...runValues(input)],
        )
      ).rows[0] as RunRow;
      // Whole lists in one statement each: a period of 100,000 recipients is three round trips.
      await client.query(
        "INSERT INTO run_articles (digest, article_id, run_id) SELECT $1, id, $2 FROM unnest($3::text[]) AS id",
        [input.digest, run.id, [...input.articleIds]],
      );
      await client.query(
        "INSERT INTO run_history (run_id, article_id) SELECT DISTINCT $1::integer, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING",
        [run.id, [...(input.historyIds ?? [])]],
      );
      await client.query(
        `INSERT INTO deliveries (run_id, recipient, status, message_id)
         SELECT $1, r, 'pending', m FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS d (r, m, n) ORDER BY n`,
        [
          run.id,
          input.deliveries.map((d) => d.recipient),
          input.deliveries.map((d) => d.messageId),
        ],
      );
      return run;
    });
  }

  async deliveries(runId: number, only?: readonly string[]) {
    return only
      ? this.rows<DeliveryRow>(
          `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE run_id = $1 AND recipient = ANY($2) ORDER BY seq`,
          [runId, [...only]],
        )
      : this.rows<DeliveryRow>(
          `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE run_id = $1 ORDER BY seq`,
          [runId],
        );
  }

  async claimDeliveries(
    runId: number,
    recipients: readonly string[],
    nowMs: number,
    staleBeforeMs: number,
  ) {
    const result = await this.pool.query<{ recipient: string }>({
      name: "claim-deliveries",
      text: `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_at = $3
       WHERE run_id = $1 AND recipient = ANY($2::text[]) AND (status = 'pending'
         OR (status = 'sending' AND (claimed_at IS NULL OR claimed_at < $4)))
       RETURNING recipient`,
      values: [runId, recipients, nowMs, staleBeforeMs],
    });
    return new Set(result.rows.map((row) => row.recipient));
  }

  async takeTokens(name: string, want: number, limit: RateLimit, nowMs: number) {
    return inTransaction(this.pool, async (client) => {
      // The row is made once, then locked: concurrent takers queue on it and each sees the
      // bucket the one before left.
      await client.query(
        "INSERT INTO rate_limits (name, tokens, updated_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [name, limit.burst, nowMs],
      );
      const { rows } = await client.query<{ tokens: number; updatedAt: string }>(
        'SELECT tokens, updated_at AS "updatedAt" FROM rate_limits WHERE name = $1 FOR UPDATE',
        [name],
      );
      const row = rows[0] as { tokens: number; updatedAt: string };
      const bucket = { tokens: Number(row.tokens), updatedAt: Number(row.updatedAt) };
      const { granted, left, waitMs } = drawTokens(bucket, want, limit, nowMs);
      await client.query("UPDATE rate_limits SET tokens = $2, updated_at = $3 WHERE name = $1", [
        name,
        left,
        Math.max(nowMs, bucket.updatedAt),
      ]);
      return { granted, waitMs };
    });
  }

  async releaseDeliveries(runId: number, recipients: readonly string[]) {
    await this.pool.query(
      `UPDATE deliveries SET status = 'pending', attempts = attempts - 1, claimed_at = NULL
       WHERE run_id = $1 AND recipient = ANY($2::text[]) AND status = 'sending'`,
      [runId, recipients],
    );
  }

  async markSent(runId: number, recipient: string, sentAt: string) {
    // Once a message: a statement each connection prepares once and PostgreSQL plans once.
    await this.pool.query({
      name: "mark-sent",
      text: "UPDATE deliveries SET status = 'sent', sent_at = $1, last_error = NULL WHERE run_id = $2 AND recipient = $3",
      values: [sentAt, runId, recipient],
    });
  }

  async markFailed(runId: number, recipient: string, error: string, final: boolean) {
    await this.pool.query(
      "UPDATE deliveries SET status = $1, last_error = $2 WHERE run_id = $3 AND recipient = $4",
      [final ? "failed" : "pending", error, runId, recipient],
    );
  }

  async completeIfDone(runId: number, completedAt: string) {
    return inTransaction(this.pool, async (client) => {
      await client.query("SELECT id FROM runs WHERE id = $1 FOR UPDATE", [runId]);
      // Whether one delivery is left: found at the first, not counted over the whole run.
      const left = (
        await client.query(
          "SELECT EXISTS (SELECT 1 FROM deliveries WHERE run_id = $1 AND status IN ('pending', 'sending')) AS open",
          [runId],
        )
      ).rows[0] as { open: boolean };
      if (left.open) return false;
      await client.query(
        "UPDATE runs SET status = 'complete', completed_at = $1 WHERE id = $2 AND status = 'sending'",
        [completedAt, runId],
      );
      return true;
    });
  }

  async unsubscribe(digest: string, address: string, at: string, source: string) {
    const result = await this.pool.query(
      "INSERT INTO unsubscribes (digest, address, at, source) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      [digest, address.toLowerCase(), at, source],
    );
    return result.rowCount === 1;
  }

  async resubscribe(digest: string, address: string) {
    const result = await this.pool.query(
      "DELETE FROM unsubscribes WHERE digest = $1 AND address = $2",
      [digest, address.toLowerCase()],
    );
    return result.rowCount === 1;
  }

  async isUnsubscribed(digest: string, address: string) {
    const rows = await this.rows("SELECT 1 FROM unsubscribes WHERE digest = $1 AND address = $2", [
      digest,
      address.toLowerCase(),
    ]);
    return rows.length > 0;
  }

  async unsubscribed(digest: string) {
    const rows = await this.rows<{ address: string }>(
      "SELECT address FROM unsubscribes WHERE digest = $1",
      [digest],
    );
    return new Set(rows.map((r) => r.address));
  }

  async unsubscribedCount(digest: string) {
    const [row] = await this.rows<{ n: number }>(
      "SELECT COUNT(*)::integer AS n FROM unsubscribes WHERE digest = $1",
      [digest],
    );
    return row?.n ?? 0;
  }

  async dropDelivery(runId: number, recipient: string) {
    await this.pool.query(
      "DELETE FROM deliveries WHERE run_id = $1 AND recipient = $2 AND status IN ('pending', 'sending')",
      [runId, recipient],
    );
  }

  async saveEmail(runId: number, email: string) {
    await this.pool.query(
      "INSERT INTO run_emails (run_id, email) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [runId, email],
    );
  }

  /**
   * Keeps a run's compiled email and, in the same transaction, does `also` (queues its batches):
   * the email is kept exactly when the batches are queued. False, and nothing done, when the run
   * was queued before.
   */
  async saveEmailAnd(
    runId: number,
    email: string,
    also: (db: {
      executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
    }) => Promise<void>,
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const saved = await client.query(
        "INSERT INTO run_emails (run_id, email) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [runId, email],
      );
      if (saved.rowCount !== 1) return false;
      await also({ executeSql: (text, values) => client.query(text, values) });
      return true;
    });
  }

  async email(runId: number) {
    const [row] = await this.rows<{ email: string }>(
      "SELECT email FROM run_emails WHERE run_id = $1",
      [runId],
    );
    return row?.email;
  }

  async run(runId: number) {
    const [row] = await this.rows<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [runId]);
    return row;
  }

  async saveIssue(runId: number, subject: string, html: string) {
    await this.pool.query(
      "INSERT INTO issues (run_id, subject, html) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      [runId, subject, html],
    );
  }

  async issues(digest: string) {
    return this.rows<{ runId: number; periodEnd: string; subject: string }>(
      `SELECT i.run_id AS "runId", r.period_end AS "periodEnd", i.subject
       FROM issues i JOIN runs r ON r.id = i.run_id
       WHERE r.digest = $1 ORDER BY r.period_end DESC`,
      [digest],
    );
  }

  async issue(digest: string, runId: number) {
    const [row] = await this.rows<{ subject: string; html: string }>(
      "SELECT i.subject, i.html FROM issues i JOIN runs r ON r.id = i.run_id WHERE r.digest = $1 AND i.run_id = $2",
      [digest, runId],
    );
    return row;
  }

  async recentFailures(digest: string, limit: number) {
    return this.rows<DeliveryRow & { periodEnd: string }>(
      `SELECT d.run_id AS "runId", d.recipient, d.status, d.attempts, d.last_error AS "lastError",
         d.message_id AS "messageId", d.sent_at AS "sentAt", r.period_end AS "periodEnd"
       FROM deliveries d JOIN runs r ON r.id = d.run_id
       WHERE r.digest = $1 AND d.last_error IS NOT NULL AND d.status <> 'sent'
       ORDER BY r.period_end DESC, d.seq LIMIT $2`,
      [digest, limit],
    );
  }
}
