import type { NewRun } from "./digest-store.js";

/**
 * A delivery row is written three times (queued, claimed, sent): with room left on its page,
 * PostgreSQL rewrites it there without touching its indexes (a heap-only update), since no
 * indexed column changes.
 */
const DELIVERY_STORAGE = " WITH (fillfactor = 50)";

/** The SQL dialects the store's drivers speak. */
export type Dialect = "sqlite" | "postgres";

/**
 * The store's tables, one definition for both drivers: they differ only in how a run's id is
 * generated, in the order deliveries keep (SQLite's rowid; PostgreSQL's `seq`) and in the room
 * PostgreSQL leaves for rewriting a delivery in place.
 */
export function storeSchema(dialect: Dialect): string {
  return `
CREATE TABLE IF NOT EXISTS runs (
  id ${dialect === "postgres" ? "SERIAL" : "INTEGER"} PRIMARY KEY,
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
CREATE INDEX IF NOT EXISTS run_articles_by_run ON run_articles (run_id);
CREATE TABLE IF NOT EXISTS run_history (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  article_id TEXT NOT NULL,
  PRIMARY KEY (run_id, article_id)
);
CREATE TABLE IF NOT EXISTS deliveries (
${dialect === "postgres" ? "  seq BIGSERIAL UNIQUE,\n" : ""}  run_id INTEGER NOT NULL REFERENCES runs (id),
  recipient TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  message_id TEXT NOT NULL,
  sent_at TEXT,
  claimed_at BIGINT,
  PRIMARY KEY (run_id, recipient)
)${dialect === "postgres" ? DELIVERY_STORAGE : ""};
CREATE TABLE IF NOT EXISTS unsubscribes (
  digest TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (digest, address)
);
CREATE TABLE IF NOT EXISTS run_emails (
  run_id INTEGER PRIMARY KEY REFERENCES runs (id),
  email TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS issues (
  run_id INTEGER PRIMARY KEY REFERENCES runs (id),
  subject TEXT NOT NULL,
  html TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rate_limits (
  name TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS locks (
  digest TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS sources (
  url TEXT PRIMARY KEY,
  kind TEXT CHECK (kind IN ('feed', 'page')),
  etag TEXT,
  last_modified TEXT,
  last_attempt_at TEXT,
  last_success_at TEXT,
  failing_since TEXT,
  last_error TEXT
);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  url_key TEXT,
  fragment TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  article TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles (url_key);
CREATE INDEX IF NOT EXISTS articles_by_content ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_by_first_seen ON articles (first_seen);
`;
}

/** Column lists, quoted so that both dialects return the same field names. */
export const RUN_COLUMNS = `id, digest, period_start AS "periodStart", period_end AS "periodEnd", status,
  created_at AS "createdAt", completed_at AS "completedAt"`;
export const DELIVERY_COLUMNS = `run_id AS "runId", recipient, status, attempts, last_error AS "lastError",
  message_id AS "messageId", sent_at AS "sentAt"`;
export const SOURCE_COLUMNS = `url, kind, etag, last_modified AS "lastModified", last_attempt_at AS "lastAttemptAt",
  last_success_at AS "lastSuccessAt", failing_since AS "failingSince", last_error AS "lastError"`;

/**
 * The values of a new run's row: `digest, period_start, period_end, status, created_at,
 * completed_at`. A run with no recipients is complete at once.
 */
export function runValues(input: NewRun) {
  const complete = input.deliveries.length === 0;
  return [
    input.digest,
    input.periodStart,
    input.periodEnd,
    complete ? "complete" : "sending",
    input.createdAt,
    complete ? input.createdAt : null,
  ] as const;
}

/** A token bucket: `perSecond` tokens a second, at most `burst` saved up. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * A bucket `updatedAt` ms ago with `tokens` in it, refilled up to `now` and drawn from for
 * `want`: what is granted, what is left, and when a token will next be there.
 */
export function drawTokens(
  bucket: { tokens: number; updatedAt: number } | undefined,
  want: number,
  limit: RateLimit,
  nowMs: number,
): { granted: number; left: number; waitMs: number } {
  const elapsed = bucket ? Math.max(0, nowMs - bucket.updatedAt) : 0;
  const available = bucket
    ? Math.min(limit.burst, bucket.tokens + (elapsed * limit.perSecond) / 1000)
    : limit.burst;
  const granted = Math.max(0, Math.min(want, Math.floor(available)));
  const left = available - granted;
  const waitMs = granted > 0 ? 0 : Math.ceil(((1 - left) * 1000) / limit.perSecond);
  return { granted, left, waitMs };
}
