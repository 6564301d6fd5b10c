import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { ARTICLE_STORE_SCHEMA, ArticleStore } from "./article-store.js";

/** One digest period: the window it covers and where its sending stands. */
export interface RunRow {
  id: number;
  digest: string;
  /** ISO instants: the window `[periodStart, periodEnd)`. */
  periodStart: string;
  periodEnd: string;
  /** `sending` until every delivery is sent or failed for good, then `complete`. */
  status: "sending" | "complete";
  createdAt: string;
  completedAt: string | null;
}

/** One recipient of one run. */
export interface DeliveryRow {
  runId: number;
  recipient: string;
  /** `sending` means an attempt began and its outcome was never recorded (a crash, say). */
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  messageId: string;
  sentAt: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  digest TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'complete')),
  created_at TEXT NOT NULL,
  completed_at TEXT,
  UNIQUE (digest, period_end)
);
CREATE TABLE IF NOT EXISTS run_articles (
  digest TEXT NOT NULL,
  article_id TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs (id),
  PRIMARY KEY (digest, article_id)
);
CREATE TABLE IF NOT EXISTS run_history (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  article_id TEXT NOT NULL,
  PRIMARY KEY (run_id, article_id)
);
CREATE TABLE IF NOT EXISTS deliveries (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  recipient TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  message_id TEXT NOT NULL,
  sent_at TEXT,
  PRIMARY KEY (run_id, recipient)
);
CREATE TABLE IF NOT EXISTS unsubscribes (
  digest TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (digest, address)
);
CREATE TABLE IF NOT EXISTS issues (
  run_id INTEGER PRIMARY KEY REFERENCES runs (id),
  subject TEXT NOT NULL,
  html TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS locks (
  digest TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

const RUN_COLUMNS = `id, digest, period_start AS periodStart, period_end AS periodEnd, status,
  created_at AS createdAt, completed_at AS completedAt`;
const DELIVERY_COLUMNS = `run_id AS runId, recipient, status, attempts, last_error AS lastError,
  message_id AS messageId, sent_at AS sentAt`;

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
export class Ledger {
  private readonly db: Database.Database;
  /** The articles fetched from sources, and the sources' state, in the same file. */
  readonly store: ArticleStore;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    // Wait for a lock before anything else: another process may be switching the file to WAL.
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    switchToWal(this.db);
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    this.db.exec(ARTICLE_STORE_SCHEMA);
    this.store = new ArticleStore(this.db);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Takes the digest's lock for `ttlMs` unless a live holder has it. A holder on this host whose
   * process is gone, or whose lock has expired, loses it: a crash cannot keep a digest locked.
   */
  acquireLock(digest: string, holder: string, nowMs: number, ttlMs: number): boolean {
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
  refreshLock(digest: string, holder: string, nowMs: number, ttlMs: number): boolean {
    return (
      this.db
        .prepare("UPDATE locks SET expires_at = ? WHERE digest = ? AND holder = ?")
        .run(nowMs + ttlMs, digest, holder).changes === 1
    );
  }

  releaseLock(digest: string, holder: string): void {
    this.db.prepare("DELETE FROM locks WHERE digest = ? AND holder = ?").run(digest, holder);
  }

  /** The digest's latest run (by period end), whatever its status. */
  latestRun(digest: string): RunRow | undefined {
    return this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE digest = ? ORDER BY period_end DESC LIMIT 1`)
      .get(digest) as RunRow | undefined;
  }

  /** The digest's first period start: articles from before it are history, not news. */
  origin(digest: string): string | undefined {
    const row = this.db
      .prepare("SELECT MIN(period_start) AS origin FROM runs WHERE digest = ?")
      .get(digest) as { origin: string | null };
    return row.origin ?? undefined;
  }

  /** Runs still sending, oldest first: resumed before any new period. */
  unfinishedRuns(digest: string): RunRow[] {
    return this.db
      .prepare(
        `SELECT ${RUN_COLUMNS} FROM runs WHERE digest = ? AND status = 'sending' ORDER BY period_end`,
      )
      .all(digest) as RunRow[];
  }

  recentRuns(digest: string, limit: number): RunRow[] {
    return this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE digest = ? ORDER BY period_end DESC LIMIT ?`)
      .all(digest, limit) as RunRow[];
  }

  /** Which of these articles an earlier run of the digest already covered (one query, not one per id). */
  coveredArticles(digest: string, articleIds: readonly string[]): Set<string> {
    const rows = this.db
      .prepare("SELECT article_id AS id FROM run_articles WHERE digest = ?")
      .all(digest) as { id: string }[];
    const covered = new Set(rows.map((r) => r.id));
    return new Set(articleIds.filter((id) => covered.has(id)));
  }

  /** The earlier articles a run's briefing tells as its storylines' history ("so far"). */
  runHistory(runId: number): string[] {
    return (
      this.db
        .prepare("SELECT article_id AS id FROM run_history WHERE run_id = ? ORDER BY article_id")
        .all(runId) as { id: string }[]
    ).map((r) => r.id);
  }

  runArticles(runId: number): string[] {
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
  createRun(input: {
    digest: string;
    periodStart: string;
    periodEnd: string;
    createdAt: string;
    articleIds: readonly string[];
    /** Earlier articles its briefing reads for history. */
    historyIds?: readonly string[];
    deliveries: readonly { recipient: string; messageId: string }[];
  }): RunRow {
    return this.db
      .transaction(() => {
        const complete = input.deliveries.length === 0;
        const { lastInsertRowid } = this.db
          .prepare(
            "INSERT INTO runs (digest, period_start, period_end, status, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?)",
          )
          .run(
            input.digest,
            input.periodStart,
            input.periodEnd,
            complete ? "complete" : "sending",
            input.createdAt,
            complete ? input.createdAt : null,
          );
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

  deliveries(runId: number): DeliveryRow[] {
    return this.db
      .prepare(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE run_id = ? ORDER BY rowid`)
      .all(runId) as DeliveryRow[];
  }

  /** Notes that an attempt begins, before the message leaves: a crash now leaves it `sending`. */
  beginAttempt(runId: number, recipient: string): void {
    this.db
      .prepare(
        "UPDATE deliveries SET status = 'sending', attempts = attempts + 1 WHERE run_id = ? AND recipient = ?",
      )
      .run(runId, recipient);
  }

  markSent(runId: number, recipient: string, sentAt: string): void {
    this.db
      .prepare(
        "UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL WHERE run_id = ? AND recipient = ?",
      )
      .run(sentAt, runId, recipient);
  }

  /** A failed attempt: `failed` for good, or back to `pending` to try again later. */
  markFailed(runId: number, recipient: string, error: string, final: boolean): void {
    this.db
      .prepare(
        "UPDATE deliveries SET status = ?, last_error = ? WHERE run_id = ? AND recipient = ?",
      )
      .run(final ? "failed" : "pending", error, runId, recipient);
  }

  /** Completes the run when no delivery is left to try; returns whether it did. */
  completeIfDone(runId: number, completedAt: string): boolean {
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
  unsubscribe(digest: string, address: string, at: string, source: string): boolean {
    return (
      this.db
        .prepare(
          "INSERT OR IGNORE INTO unsubscribes (digest, address, at, source) VALUES (?, ?, ?, ?)",
        )
        .run(digest, address.toLowerCase(), at, source).changes === 1
    );
  }

  /** Takes an unsubscription back; false when there was none. */
  resubscribe(digest: string, address: string): boolean {
    return (
      this.db
        .prepare("DELETE FROM unsubscribes WHERE digest = ? AND address = ?")
        .run(digest, address.toLowerCase()).changes === 1
    );
  }

  isUnsubscribed(digest: string, address: string): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM unsubscribes WHERE digest = ? AND address = ?")
        .get(digest, address.toLowerCase()) !== undefined
    );
  }

  unsubscribedCount(digest: string): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM unsubscribes WHERE digest = ?").get(digest) as {
        n: number;
      }
    ).n;
  }

  /** Takes a recipient out of a run not yet sent to them (they unsubscribed meanwhile). */
  dropDelivery(runId: number, recipient: string): void {
    this.db
      .prepare(
        "DELETE FROM deliveries WHERE run_id = ? AND recipient = ? AND status IN ('pending', 'sending')",
      )
      .run(runId, recipient);
  }

  /** Keeps a run's issue as sent, without any recipient's data; the first one kept stays. */
  saveIssue(runId: number, subject: string, html: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO issues (run_id, subject, html) VALUES (?, ?, ?)")
      .run(runId, subject, html);
  }

  /** A digest's past issues, newest first. */
  issues(digest: string): { runId: number; periodEnd: string; subject: string }[] {
    return this.db
      .prepare(
        `SELECT i.run_id AS runId, r.period_end AS periodEnd, i.subject
         FROM issues i JOIN runs r ON r.id = i.run_id
         WHERE r.digest = ? ORDER BY r.period_end DESC`,
      )
      .all(digest) as { runId: number; periodEnd: string; subject: string }[];
  }

  /** One past issue of a digest, or undefined. */
  issue(digest: string, runId: number): { subject: string; html: string } | undefined {
    return this.db
      .prepare(
        "SELECT i.subject, i.html FROM issues i JOIN runs r ON r.id = i.run_id WHERE r.digest = ? AND i.run_id = ?",
      )
      .get(digest, runId) as { subject: string; html: string } | undefined;
  }

  /** The latest deliveries that failed for good or are waiting to be tried again. */
  recentFailures(digest: string, limit: number): (DeliveryRow & { periodEnd: string })[] {
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
