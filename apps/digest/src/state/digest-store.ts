import type { Article } from "@briefing/core";
import type { Validators } from "../sources/fetch-document.js";
import type { RateLimit } from "./store-schema.js";

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

/** A delivery still to try (`pending`) or whose attempt never recorded its outcome (`sending`). */
export function isUnsettled(delivery: DeliveryRow): boolean {
  return delivery.status === "pending" || delivery.status === "sending";
}

/** A new period as {@link DigestStore.createRun} records it. */
export interface NewRun {
  digest: string;
  periodStart: string;
  periodEnd: string;
  createdAt: string;
  articleIds: readonly string[];
  /** Earlier articles its briefing reads for history. */
  historyIds?: readonly string[];
  deliveries: readonly { recipient: string; messageId: string }[];
}

/** What the store knows of a source: its validators and how its last fetches went. */
export interface SourceRow {
  url: string;
  kind: "feed" | "page" | null;
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** When the current run of failures began; null when the last fetch succeeded. */
  failingSince: string | null;
  lastError: string | null;
}

/** A stored article with the time it was first seen. */
export interface StoredArticle {
  article: Article;
  source: string;
  firstSeen: string;
}

/** What storing an article did. */
export type StoreOutcome = "new" | "updated" | "unchanged";

/**
 * Every article fetched, once: an article is the same one as a stored one at its canonical
 * address (tracking parameters and fragment dropped) with its title or its text unchanged, or with
 * the same substantial text anywhere, so a changed GUID, `utm_…` parameters or an edited title
 * never make it new. It keeps the id and first-seen time it was stored with; its content follows
 * the latest version. Also each source's validators and failures.
 */
export interface ArticleStore {
  /** Stores an article seen at `seenAt`; its stored id replaces the one it came with. */
  put(
    article: Article,
    source: string,
    seenAt: string,
  ): Promise<{ id: string; outcome: StoreOutcome }>;
  /** Whether an article at this address is stored (its page need not be fetched again). */
  hasUrl(address: string): Promise<boolean>;
  /** Articles first seen in `[from, to)`, oldest first. */
  seenBetween(from: string, to: string): Promise<StoredArticle[]>;
  count(): Promise<number>;
  source(url: string): Promise<SourceRow | undefined>;
  /** A fetch that worked (a document or 304): validators kept, failures forgotten. */
  recordSuccess(
    url: string,
    at: string,
    result: { kind?: "feed" | "page"; validators?: Validators },
  ): Promise<void>;
  /** A fetch that failed: the reason kept, the failing run's start kept from its first failure. */
  recordFailure(url: string, at: string, reason: string): Promise<void>;
}

/**
 * The state of every digest, behind one interface with two drivers (SQLite, the embedded
 * default, and PostgreSQL for several machines): a run per digest period, the articles each run
 * covered (an article belongs to one run of a digest, ever) and the history it read, a delivery
 * per recipient, who unsubscribed from which digest, each run's issue as sent, a lock per digest,
 * and the article store.
 */
export interface DigestStore {
  readonly store: ArticleStore;
  close(): Promise<void>;
  /**
   * Takes the digest's lock for `ttlMs` unless a live holder has it. A holder on this host whose
   * process is gone, or whose lock has expired, loses it: a crash cannot keep a digest locked.
   */
  acquireLock(digest: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Extends a held lock; false when another holder took it meanwhile. */
  refreshLock(digest: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean>;
  releaseLock(digest: string, holder: string): Promise<void>;
  /** The digest's latest run (by period end), whatever its status. */
  latestRun(digest: string): Promise<RunRow | undefined>;
  /** The digest's first period start: articles from before it are history, not news. */
  origin(digest: string): Promise<string | undefined>;
  /** Runs still sending, oldest first: resumed before any new period. */
  unfinishedRuns(digest: string): Promise<RunRow[]>;
  recentRuns(digest: string, limit: number): Promise<RunRow[]>;
  /** Which of these articles an earlier run of the digest already covered. */
  coveredArticles(digest: string, articleIds: readonly string[]): Promise<Set<string>>;
  runArticles(runId: number): Promise<string[]>;
  /** The earlier articles a run's briefing tells as its storylines' history ("so far"). */
  runHistory(runId: number): Promise<string[]>;
  /**
   * Records a new period at once: the run, the articles it covers and a pending delivery per
   * recipient with its Message-ID. A run with no recipients is complete at once. Fails when the
   * period or one of its articles was recorded before.
   */
  createRun(input: NewRun): Promise<RunRow>;
  /** A run's deliveries, in the order they were recorded; only these recipients' when given. */
  deliveries(runId: number, only?: readonly string[]): Promise<DeliveryRow[]>;
  /**
   * Claims deliveries for an attempt, before their messages leave: a crash now leaves them
   * `sending`. Only one taker wins a pending delivery; one already `sending` is taken only when
   * it was claimed before `staleBeforeMs` (its sender is presumed dead). Returns the recipients
   * claimed: a sender claims a slice of its recipients at once, and records each as sent.
   */
  claimDeliveries(
    runId: number,
    recipients: readonly string[],
    nowMs: number,
    staleBeforeMs: number,
  ): Promise<Set<string>>;
  /**
   * Takes up to `want` tokens from the named bucket (a transport's rate limit, shared by every
   * sender of this store): the tokens granted, and when none is, how long until one is.
   */
  takeTokens(
    name: string,
    want: number,
    limit: RateLimit,
    nowMs: number,
  ): Promise<{ granted: number; waitMs: number }>;
  /** Gives back claims never tried (the sender stopped early): pending again, the claim's attempt undone. */
  releaseDeliveries(runId: number, recipients: readonly string[]): Promise<void>;
  markSent(runId: number, recipient: string, sentAt: string): Promise<void>;
  /** A failed attempt: `failed` for good, or back to `pending` to try again later. */
  markFailed(runId: number, recipient: string, error: string, final: boolean): Promise<void>;
  /** Completes the run when no delivery is left to try; returns whether it did. */
  completeIfDone(runId: number, completedAt: string): Promise<boolean>;
  /** Records an unsubscription (address lower-cased); false when it was already recorded. */
  unsubscribe(digest: string, address: string, at: string, source: string): Promise<boolean>;
  /** Takes an unsubscription back; false when there was none. */
  resubscribe(digest: string, address: string): Promise<boolean>;
  isUnsubscribed(digest: string, address: string): Promise<boolean>;
  /** Every address unsubscribed from the digest (lower-cased). */
  unsubscribed(digest: string): Promise<Set<string>>;
  unsubscribedCount(digest: string): Promise<number>;
  /** Takes a recipient out of a run not yet sent to them (they unsubscribed meanwhile). */
  dropDelivery(runId: number, recipient: string): Promise<void>;
  /**
   * Keeps a run's compiled email (JSON) for the workers that send it, compiled once per period;
   * the first one kept stays.
   */
  saveEmail(runId: number, email: string): Promise<void>;
  email(runId: number): Promise<string | undefined>;
  /** A run by its id. */
  run(runId: number): Promise<RunRow | undefined>;
  /** Keeps a run's issue as sent, without any recipient's data; the first one kept stays. */
  saveIssue(runId: number, subject: string, html: string): Promise<void>;
  /** A digest's past issues, newest first. */
  issues(digest: string): Promise<{ runId: number; periodEnd: string; subject: string }[]>;
  /** One past issue of a digest, or undefined. */
  issue(digest: string, runId: number): Promise<{ subject: string; html: string } | undefined>;
  /** The latest deliveries that failed for good or are waiting to be tried again. */
  recentFailures(digest: string, limit: number): Promise<(DeliveryRow & { periodEnd: string })[]>;
}
