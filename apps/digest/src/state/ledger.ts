import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { DeliveryRow, DigestStore, NewRun, RunRow } from "./digest-store.js";
import { isAlive } from "./is-alive.js";
import { SqliteArticleStore } from "./sqlite-article-store.js";
import {
  DELIVERY_COLUMNS,
  drawTokens,
  type RateLimit,
  RUN_COLUMNS,
  runValues,
  storeSchema,
} from "./store-schema.js";

/** How long a statement waits for another process's lock before it fails. */
const BUSY_TIMEOUT_MS = 10_000;
/** Pause between attempts to switch a new file to WAL. */
const WAL_RETRY_MS = 20;

/**
 * Puts the database in WAL mode. Switching takes a lock SQLite does not wait for: two processes
 * opening the same new file at once would see one fail at once ("database is locked"), so the
 * switch is tried again, up to the busy timeout. A file already in WAL needs no switch.
 */
function switchToWal(db: Database.Database): void {
  for (let waited = 0; ; waited += WAL_RETRY_MS) {
    try {
      if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code === "SQLITE_BUSY";
      if (!busy || waited >= BUSY_TIMEOUT_MS) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_MS);
    }
  }
}

/**
 * The state of every digest in one SQLite file (WAL, so readers never wait for the sender): a run
 * per digest period, the articles each run covered (an article belongs to one run of a digest,
 * ever), a delivery per recipient, who unsubscribed from which digest, each run's issue as sent
 * (without any recipient's data) for the archive, and a lock per digest.
 */
export class Ledger implements DigestStore {
  private readonly db: Database.Database;
  /** The articles fetched from sources, and the sources' state, in the same file. */
  readonly store: SqliteArticleStore;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    // Wait for a lock before anything else: another process may be switching the file to WAL.
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    switchToWal(this.db);
    this.db.pragma("foreign_keys = ON");
    this.db.exec(storeSchema("sqlite"));
    // A ledger written before deliveries were claimed gains the column.
    const columns = this.db.prepare("PRAGMA table_info(deliveries)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "claimed_at"))
      this.db.exec("ALTER TABLE deliveries ADD COLUMN claimed_at BIGINT");
    this.store = new SqliteArticleStore(this.db);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /**
   * Takes the digest's lock for `ttlMs` unless a live holder has it. A holder on this host whose
   * process is gone, or whose lock has expired, loses it: a crash cannot keep a digest locked.
   */
  async acquireLock(
    digest: string,
    holder: string,
    nowMs: number,
    ttlMs: number,
  ): Promise<boolean> {
    return this.db
      .transaction(() => {
        const row = this.db
          .prepare("SELECT holder, pid, host, expires_at AS expiresAt FROM locks WHERE digest = ?")
          .get(digest) as
          | { holder: string; pid: number; host: string; expiresAt: number }
          | undefined;
        const free =
          !row ||
          row.holder === holder ||
          row.expiresAt <= nowMs ||
          (row.host === hostname() && !isAlive(row.pid));
        if (!free) return false;
        this.db
          .prepare(
            "INSERT OR REPLACE INTO locks (digest, holder, pid, host, expires_at) VALUES (?, ?, ?, ?, ?)",
          )
          .run(digest, holder, process.pid, hostname(), nowMs + ttlMs);
        return true;
      })
      .immediate();
  }

  /** Extends a held lock; false when another holder took it meanwhile. */
  async refreshLock(
    digest: string,
    holder: string,
    nowMs: number,
    ttlMs: number,
  ): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE locks SET expires_at = ? WHERE digest = ? AND holder = ?")
        .run(nowMs + ttlMs, digest, holder).changes === 1
    );
  }

  async releaseLock(digest: string, holder: string): Promise<void> {
    this.db.prepare("DELETE FROM locks WHERE digest = ? AND holder = ?").run(digest, holder);
  }

  /** The digest's latest run (by period end), whatever its status. */
  async latestRun(digest: string): Promise<RunRow | undefined> {
    return this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE digest = ? ORDER BY period_end DESC LIMIT 1`)
      .get(digest) as RunRow | undefined;
  }

  /** The digest's first period start: articles from before it are history, not news. */
  async origin(digest: string): Promise<string | undefined> {
    const row = this.db
      .prepare("SELECT MIN(period_start) AS origin FROM runs WHERE digest = ?")
      .get(digest) as { origin: string | null };
    return row.origin ?? undefined;
  }

  /** Runs still sending, oldest first: resumed before any new period. */
  async unfinishedRuns(digest: string): Promise<RunRow[]> {
    return this.db
      .prepare(
        `SELECT ${RUN_COLUMNS} FROM runs WHERE digest = ? AND status = 'sending' ORDER BY period_end`,
      )
      .all(digest) as RunRow[];
  }

  async recentRuns(digest: string, limit: number): Promise<RunRow[]> {
    return this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE digest = ? ORDER BY period_end DESC LIMIT ?`)
      .all(digest, limit) as RunRow[];
  }

  /** Which of these articles an earlier run of the digest already covered (one query, not one per id). */
  async coveredArticles(digest: string, articleIds: readonly string[]): Promise<Set<string>> {
    const rows = this.db
      .prepare("SELECT article_id AS id FROM run_articles WHERE digest = ?")
      .all(digest) as { id: string }[];
    const covered = new Set(rows.map((r) => r.id));
    return new Set(articleIds.filter((id) => covered.has(id)));
  }

  /** The earlier articles a run's briefing tells as its storylines' history ("so far"). */
  async runHistory(runId: number): Promise<string[]> {
    return (
      this.db
        .prepare("SELECT article_id AS id FROM run_history WHERE run_id = ? ORDER BY article_id")
        .all(runId) as { id: string }[]
    ).map((r) => r.id);
  }

  async runArticles(runId: number): Promise<string[]> {
    return (
      this.db
        .prepare("SELECT article_id AS id FROM run_articles WHERE run_id = ? ORDER BY article_id")
        .all(runId) as { id: string }[]
    ).map((r) => r.id);
  }

  /**
   * Records a new period in one transaction: the run, the articles it covers and a pending
   * delivery per recipient with its Message-ID. A run with no recipients is complete at once.
   */
  async createRun(input: NewRun): Promise<RunRow> {
    return this.db
      .transaction(() => {
        const { lastInsertRowid } = this.db
          .prepare(
            "INSERT INTO runs (digest, period_start, period_end, status, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?)",
          )
          .run(...runValues(input));
        const runId = Number(lastInsertRowid);
        const cover = this.db.prepare(
          "INSERT INTO run_articles (digest, article_id, run_id) VALUES (?, ?, ?)",
        );
        for (const id of input.articleIds) cover.run(input.digest, id, runId);
        const history = this.db.prepare(
          "INSERT OR IGNORE INTO run_history (run_id, article_id) VALUES (?, ?)",
        );
        for (const id of input.historyIds ?? []) history.run(runId, id);
        const deliver = this.db.prepare(
          "INSERT INTO deliveries (run_id, recipient, status, message_id) VALUES (?, ?, 'pending', ?)",
        );
        for (const d of input.deliveries) deliver.run(runId, d.recipient, d.messageId);
        return this.db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(runId) as RunRow;
      })
      .immediate();
  }

  async deliveries(runId: number, only?: readonly string[]): Promise<DeliveryRow[]> {
    if (only)
      return this.db
        .prepare(
          `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE run_id = ? AND recipient IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
        )
        .all(runId, JSON.stringify(only)) as DeliveryRow[];
    return this.db
      .prepare(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE run_id = ? ORDER BY rowid`)
      .all(runId) as DeliveryRow[];
  }

  async claimDeliveries(
    runId: number,
    recipients: readonly string[],
    nowMs: number,
    staleBeforeMs: number,
  ): Promise<Set<string>> {
    const claim = this.db.prepare(
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_at = ?
       WHERE run_id = ? AND recipient = ? AND (status = 'pending'
         OR (status = 'sending' AND (claimed_at IS NULL OR claimed_at < ?)))`,
    );
    const claimed = new Set<string>();
    this.db.transaction(() => {
      for (const recipient of recipients)
        if (claim.run(nowMs, runId, recipient, staleBeforeMs).changes === 1) claimed.add(recipient);
    })();
    return claimed;
  }

  async takeTokens(name: string, want: number, limit: RateLimit, nowMs: number) {
    return this.db
      .transaction(() => {
        const bucket = this.db
          .prepare("SELECT tokens, updated_at AS updatedAt FROM rate_limits WHERE name = ?")
          .get(name) as { tokens: number; updatedAt: number } | undefined;
        const { granted, left, waitMs } = drawTokens(bucket, want, limit, nowMs);
        this.db
          .prepare(
            `INSERT INTO rate_limits (name, tokens, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
          )
          .run(name, left, Math.max(nowMs, bucket?.updatedAt ?? nowMs));
        return { granted, waitMs };
      })
      .immediate();
  }

  async releaseDeliveries(runId: number, recipients: readonly string[]): Promise<void> {
    const release = this.db.prepare(
      `UPDATE deliveries SET status = 'pending', attempts = attempts - 1, claimed_at = NULL
       WHERE run_id = ? AND recipient = ? AND status = 'sending'`,
    );
    this.db.transaction(() => {
      for (const recipient of recipients) release.run(runId, recipient);
    })();
  }

  async markSent(runId: number, recipient: string, sentAt: string): Promise<void> {
    this.db
      .prepare(
        "UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL WHERE run_id = ? AND recipient = ?",
      )
      .run(sentAt, runId, recipient);
  }

  /** A failed attempt: `failed` for good, or back to `pending` to try again later. */
  async markFailed(runId: number, recipient: string, error: string, final: boolean): Promise<void> {
    this.db
      .prepare(
        "UPDATE deliveries SET status = ?, last_error = ? WHERE run_id = ? AND recipient = ?",
      )
      .run(final ? "failed" : "pending", error, runId, recipient);
  }

  /** Completes the run when no delivery is left to try; returns whether it did. */
  async completeIfDone(runId: number, completedAt: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const open = this.db
          .prepare(
            "SELECT COUNT(*) AS n FROM deliveries WHERE run_id = ? AND status IN ('pending', 'sending')",
          )
          .get(runId) as { n: number };
        if (open.n > 0) return false;
        this.db
          .prepare(
            "UPDATE runs SET status = 'complete', completed_at = ? WHERE id = ? AND status = 'sending'",
          )
          .run(completedAt, runId);
        return true;
      })
      .immediate();
  }

  /** Records an unsubscription (address lower-cased); false when it was already recorded. */
  async unsubscribe(digest: string, address: string, at: string, source: string): Promise<boolean> {
    return (
      this.db
        .prepare(
          "INSERT OR IGNORE INTO unsubscribes (digest, address, at, source) VALUES (?, ?, ?, ?)",
        )
        .run(digest, address.toLowerCase(), at, source).changes === 1
    );
  }

  /** Takes an unsubscription back; false when there was none. */
  async resubscribe(digest: string, address: string): Promise<boolean> {
    return (
      this.db
        .prepare("DELETE FROM unsubscribes WHERE digest = ? AND address = ?")
        .run(digest, address.toLowerCase()).changes === 1
    );
  }

  async isUnsubscribed(digest: string, address: string): Promise<boolean> {
    return (
      this.db
        .prepare("SELECT 1 FROM unsubscribes WHERE digest = ? AND address = ?")
        .get(digest, address.toLowerCase()) !== undefined
    );
  }

  async unsubscribed(digest: string): Promise<Set<string>> {
    const rows = this.db
      .prepare("SELECT address FROM unsubscribes WHERE digest = ?")
      .all(digest) as { address: string }[];
    return new Set(rows.map((r) => r.address));
  }

  async unsubscribedCount(digest: string): Promise<number> {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM unsubscribes WHERE digest = ?").get(digest) as {
        n: number;
      }
    ).n;
  }

  /** Takes a recipient out of a run not yet sent to them (they unsubscribed meanwhile). */
  async dropDelivery(runId: number, recipient: string): Promise<void> {
    this.db
      .prepare(
        "DELETE FROM deliveries WHERE run_id = ? AND recipient = ? AND status IN ('pending', 'sending')",
      )
      .run(runId, recipient);
  }

  async saveEmail(runId: number, email: string): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO run_emails (run_id, email) VALUES (?, ?)")
      .run(runId, email);
  }

  async email(runId: number): Promise<string | undefined> {
    const row = this.db.prepare("SELECT email FROM run_emails WHERE run_id = ?").get(runId) as
      | { email: string }
      | undefined;
    return row?.email;
  }

  async run(runId: number): Promise<RunRow | undefined> {
    return this.db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(runId) as
      | RunRow
      | undefined;
  }

  /** Keeps a run's issue as sent, without any recipient's data; the first one kept stays. */
  async saveIssue(runId: number, subject: string, html: string): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO issues (run_id, subject, html) VALUES (?, ?, ?)")
      .run(runId, subject, html);
  }

  /** A digest's past issues, newest first. */
  async issues(digest: string): Promise<{ runId: number; periodEnd: string; subject: string }[]> {
    return this.db
      .prepare(
        `SELECT i.run_id AS runId, r.period_end AS periodEnd, i.subject
         FROM issues i JOIN runs r ON r.id = i.run_id
         WHERE r.digest = ? ORDER BY r.period_end DESC`,
      )
      .all(digest) as { runId: number; periodEnd: string; subject: string }[];
  }

  /** One past issue of a digest, or undefined. */
  async issue(
    digest: string,
    runId: number,
  ): Promise<{ subject: string; html: string } | undefined> {
    return this.db
      .prepare(
        "SELECT i.subject, i.html FROM issues i JOIN runs r ON r.id = i.run_id WHERE r.digest = ? AND i.run_id = ?",
      )
      .get(digest, runId) as { subject: string; html: string } | undefined;
  }

  /** The latest deliveries that failed for good or are waiting to be tried again. */
  async recentFailures(
    digest: string,
    limit: number,
  ): Promise<(DeliveryRow & { periodEnd: string })[]> {
    return this.db
      .prepare(
        `SELECT d.run_id AS runId, d.recipient, d.status, d.attempts, d.last_error AS lastError, d.message_id AS messageId,
           d.sent_at AS sentAt, r.period_end AS periodEnd
         FROM deliveries d JOIN runs r ON r.id = d.run_id
         WHERE r.digest = ? AND d.last_error IS NOT NULL AND d.status <> 'sent'
         ORDER BY r.period_end DESC, d.rowid LIMIT ?`,
      )
      .all(digest, limit) as (DeliveryRow & { periodEnd: string })[];
  }
}
