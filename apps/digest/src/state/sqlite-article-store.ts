import type { Article } from "@briefing/core";
import type Database from "better-sqlite3";
import type { Validators } from "../sources/fetch-document.js";
import {
  identityOf,
  insertValues,
  matchAtAddress,
  parseStored,
  type StoredRow,
  sameContent,
  updateValues,
} from "./article-identity.js";
import { canonicalUrl } from "./canonical-url.js";
import type { ArticleStore, SourceRow, StoredArticle, StoreOutcome } from "./digest-store.js";
import { SOURCE_COLUMNS } from "./store-schema.js";

/** The article store in the SQLite ledger's file. */
export class SqliteArticleStore implements ArticleStore {
  constructor(private readonly db: Database.Database) {}

  async put(
    article: Article,
    source: string,
    seenAt: string,
  ): Promise<{ id: string; outcome: StoreOutcome }> {
    const identity = identityOf(article);
    return this.db
      .transaction(() => {
        const atAddress = (
          identity.urlKey
            ? this.db
                .prepare(
                  "SELECT id, fragment, content_hash AS hash, article FROM articles WHERE url_key = ?",
                )
                .all(identity.urlKey)
            : []
        ) as StoredRow[];
        const existing =
          matchAtAddress(atAddress, article, identity) ??
          (identity.substantial
            ? (this.db
                .prepare("SELECT id, article FROM articles WHERE content_hash = ? LIMIT 1")
                .get(identity.contentHash) as { id: string; article: string } | undefined)
            : undefined);
        if (existing) {
          if (sameContent(existing.article, article))
            return { id: existing.id, outcome: "unchanged" as const };
          this.db
            .prepare(
              "UPDATE articles SET article = ?, url_key = COALESCE(url_key, ?), content_hash = ?, updated_at = ? WHERE id = ?",
            )
            .run(...updateValues(article, identity, existing.id, seenAt));
          return { id: existing.id, outcome: "updated" as const };
        }
        const values = insertValues(article, identity, source, seenAt);
        this.db
          .prepare(
            "INSERT INTO articles (id, source, url_key, fragment, content_hash, first_seen, updated_at, article) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          )
          // First seen and last updated: now.
          .run(...values.slice(0, 6), values[5], values[6]);
        return { id: values[0], outcome: "new" as const };
      })
      .immediate();
  }

  /** Whether an article at this address is stored (its page need not be fetched again). */
  async hasUrl(address: string): Promise<boolean> {
    const key = canonicalUrl(address);
    return (
      key !== undefined &&
      this.db.prepare("SELECT 1 FROM articles WHERE url_key = ?").get(key) !== undefined
    );
  }

  /** Articles first seen in `[from, to)`, oldest first; a row that no longer parses is skipped. */
  async seenBetween(from: string, to: string): Promise<StoredArticle[]> {
    return parseStored(
      this.db
        .prepare(
          "SELECT source, first_seen AS firstSeen, article FROM articles WHERE first_seen >= ? AND first_seen < ? ORDER BY first_seen, id",
        )
        .all(from, to) as { source: string; firstSeen: string; article: string }[],
    );
  }

  async count(): Promise<number> {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM articles").get() as { n: number }).n;
  }

  async source(url: string): Promise<SourceRow | undefined> {
    return this.db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE url = ?`).get(url) as
      | SourceRow
      | undefined;
  }

  /** A fetch that worked (a document or 304): validators kept, failures forgotten. */
  async recordSuccess(
    url: string,
    at: string,
    result: { kind?: "feed" | "page"; validators?: Validators },
  ): Promise<void> {
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
  async recordFailure(url: string, at: string, reason: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO sources (url, last_attempt_at, failing_since, last_error) VALUES (@url, @at, @at, @reason)
         ON CONFLICT (url) DO UPDATE SET last_attempt_at = @at,
           failing_since = COALESCE(failing_since, @at), last_error = @reason`,
      )
      .run({ url, at, reason });
  }
}
