import { createHash } from "node:crypto";
import { type Article, ArticleSchema } from "@briefing/core";
import type Database from "better-sqlite3";
import type { Validators } from "../sources/fetch-document.js";
import { canonicalUrl } from "./canonical-url.js";

export const ARTICLE_STORE_SCHEMA = `
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

const SOURCE_COLUMNS = `url, kind, etag, last_modified AS lastModified, last_attempt_at AS lastAttemptAt,
  last_success_at AS lastSuccessAt, failing_since AS failingSince, last_error AS lastError`;

/**
 * Every article fetched, once: an article is the same one as a stored one at its canonical
 * address (tracking parameters and fragment dropped) with its title or its text unchanged, or with
 * the same substantial text anywhere, so a changed GUID, `utm_…` parameters or an edited title
 * never make it new. It keeps the id and first-seen time it
 * was stored with; its content follows the latest version. Also each source's validators and
 * failures.
 */
export class ArticleStore {
  constructor(private readonly db: Database.Database) {}

  /** Stores an article seen at `seenAt`; its stored id replaces the one it came with. */
  put(article: Article, source: string, seenAt: string): { id: string; outcome: StoreOutcome } {
    const urlKey = canonicalUrl(article.url) ?? null;
    const fragment = urlKey ? fragmentOf(article.url as string) : "";
    const contentHash = bodyHash(article);
    return this.db
      .transaction(() => {
        // At the same address (tracking parameters and fragment aside), the same title or text
        // is the same article; with another fragment (a day's page with an anchor per post), only
        // the same title or substantial text. The same substantial text is the same article
        // wherever it is found.
        const atUrl = (
          urlKey
            ? this.db
                .prepare(
                  "SELECT id, fragment, content_hash AS hash, article FROM articles WHERE url_key = ?",
                )
                .all(urlKey)
            : []
        ) as { id: string; fragment: string; hash: string; article: string }[];
        const known = substantial(article);
        const existing =
          atUrl.find(
            (row) =>
              ((known || row.fragment === fragment) && row.hash === contentHash) ||
              (JSON.parse(row.article) as Article).title === article.title,
          ) ??
          (known
            ? (this.db
                .prepare("SELECT id, article FROM articles WHERE content_hash = ? LIMIT 1")
                .get(contentHash) as { id: string; article: string } | undefined)
            : undefined);
        if (existing) {
          const json = JSON.stringify({ ...article, id: existing.id });
          if (contentOf(JSON.parse(existing.article) as Article) === contentOf(article))
            return { id: existing.id, outcome: "unchanged" as const };
          this.db
            .prepare(
              "UPDATE articles SET article = ?, url_key = COALESCE(url_key, ?), content_hash = ?, updated_at = ? WHERE id = ?",
            )
            .run(json, urlKey, contentHash, seenAt, existing.id);
          return { id: existing.id, outcome: "updated" as const };
        }
        const id = `s${createHash("sha256")
          .update(`${urlKey ?? ""}\n${fragment}\n${contentHash}\n${article.title}`)
          .digest("hex")
          .slice(0, 15)}`;
        this.db
          .prepare(
            "INSERT INTO articles (id, source, url_key, fragment, content_hash, first_seen, updated_at, article) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(
            id,
            source,
            urlKey,
            fragment,
            contentHash,
            seenAt,
            seenAt,
            JSON.stringify({ ...article, id }),
          );
        return { id, outcome: "new" as const };
      })
      .immediate();
  }

  /** Whether an article at this address is stored (its page need not be fetched again). */
  hasUrl(address: string): boolean {
    const key = canonicalUrl(address);
    return (
      key !== undefined &&
      this.db.prepare("SELECT 1 FROM articles WHERE url_key = ?").get(key) !== undefined
    );
  }

  /** Articles first seen in `[from, to)`, oldest first; a row that no longer parses is skipped. */
  seenBetween(from: string, to: string): StoredArticle[] {
    const rows = this.db
      .prepare(
        "SELECT source, first_seen AS firstSeen, article FROM articles WHERE first_seen >= ? AND first_seen < ? ORDER BY first_seen, id",
      )
      .all(from, to) as { source: string; firstSeen: string; article: string }[];
    const stored: StoredArticle[] = [];
    for (const row of rows) {
      const parsed = ArticleSchema.safeParse(JSON.parse(row.article));
      if (parsed.success)
        stored.push({ article: parsed.data, source: row.source, firstSeen: row.firstSeen });
    }
    return stored;
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM articles").get() as { n: number }).n;
  }

  source(url: string): SourceRow | undefined {
    return this.db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE url = ?`).get(url) as
      | SourceRow
      | undefined;
  }

  /** A fetch that worked (a document or 304): validators kept, failures forgotten. */
  recordSuccess(
    url: string,
    at: string,
    result: { kind?: "feed" | "page"; validators?: Validators },
  ): void {
    this.db
      .prepare(
        `INSERT INTO sources (url, kind, etag, last_modified, last_attempt_at, last_success_at)
         VALUES (@url, @kind, @etag, @lastModified, @at, @at)
         ON CONFLICT (url) DO UPDATE SET
           kind = COALESCE(@kind, kind),
           etag = CASE WHEN @validated THEN @etag ELSE etag END,
           last_modified = CASE WHEN @validated THEN @lastModified ELSE last_modified END,
           last_attempt_at = @at, last_success_at = @at, failing_since = NULL, last_error = NULL`,
      )
      .run({
        url,
        at,
        kind: result.kind ?? null,
        validated: result.validators ? 1 : 0,
        etag: result.validators?.etag ?? null,
        lastModified: result.validators?.lastModified ?? null,
      });
  }

  /** A fetch that failed: the reason kept, the failing run's start kept from its first failure. */
  recordFailure(url: string, at: string, reason: string): void {
    this.db
      .prepare(
        `INSERT INTO sources (url, last_attempt_at, failing_since, last_error) VALUES (@url, @at, @at, @reason)
         ON CONFLICT (url) DO UPDATE SET last_attempt_at = @at,
           failing_since = COALESCE(failing_since, @at), last_error = @reason`,
      )
      .run({ url, at, reason });
  }
}

function fragmentOf(url: string): string {
  const at = url.indexOf("#");
  return at < 0 ? "" : url.slice(at + 1);
}

/** Words of text from which two articles with the same text are one, wherever found. */
const SUBSTANTIAL_WORDS = 30;

/** Whether an article has text enough to be known by it ("Read more…" is not). */
function substantial(article: Article): boolean {
  let words = 0;
  for (const p of article.paragraphs) words += p.split(/\s+/).filter(Boolean).length;
  return words >= SUBSTANTIAL_WORDS;
}

/** What a reader reads of an article: where it was found and under which address do not count. */
function contentOf(article: Article): string {
  const { title, paragraphs, publisher, byline, published } = article;
  return JSON.stringify([title, paragraphs, publisher, byline, published.start, published.end]);
}

/** The hash of an article's body, normalised: case, spacing and punctuation do not count. */
function bodyHash(article: Article): string {
  const body = article.paragraphs
    .join(" ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return createHash("sha256")
    .update(body || article.title.toLowerCase())
    .digest("hex");
}
