import type { Article } from "@briefing/core";
import type pg from "pg";
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
import type { ArticleStore, SourceRow, StoreOutcome } from "./digest-store.js";
import { inTransaction } from "./postgres-transaction.js";
import { SOURCE_COLUMNS } from "./store-schema.js";

/**
 * The article store in PostgreSQL: the same identity as the SQLite one. Storing takes a
 * transaction-scoped advisory lock on the article's address (or text), so two workers storing
 * the same article at once store it once.
 */
export class PostgresArticleStore implements ArticleStore {
  constructor(private readonly pool: pg.Pool) {}

  async put(
    article: Article,
    source: string,
    seenAt: string,
  ): Promise<{ id: string; outcome: StoreOutcome }> {
    const identity = identityOf(article);
    return inTransaction(this.pool, async (client) => {
      // One writer at a time per address and per text: the same article is stored once.
      for (const key of [identity.urlKey, identity.contentHash])
        if (key) await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [key]);
      const atAddress = identity.urlKey
        ? ((
            await client.query(
              "SELECT id, fragment, content_hash AS hash, article FROM articles WHERE url_key = $1 ORDER BY first_seen, id",
              [identity.urlKey],
            )
          ).rows as StoredRow[])
        : [];
      const existing =
        matchAtAddress(atAddress, article, identity) ??
        (identity.substantial
          ? ((
              await client.query(
                "SELECT id, article FROM articles WHERE content_hash = $1 ORDER BY first_seen, id LIMIT 1",
                [identity.contentHash],
              )
            ).rows[0] as { id: string; article: string } | undefined)
          : undefined);
      if (existing) {
        if (sameContent(existing.article, article))
          return { id: existing.id, outcome: "unchanged" as const };
        await client.query(
          "UPDATE articles SET article = $1, url_key = COALESCE(url_key, $2), content_hash = $3, updated_at = $4 WHERE id = $5",
          [...updateValues(article, identity, existing.id, seenAt)],
        );
        return { id: existing.id, outcome: "updated" as const };
      }
      const values = insertValues(article, identity, source, seenAt);
      await client.query(
        "INSERT INTO articles (id, source, url_key, fragment, content_hash, first_seen, updated_at, article) VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
        [...values],
      );
      return { id: values[0], outcome: "new" as const };
    });
  }

  async hasUrl(address: string): Promise<boolean> {
    const key = canonicalUrl(address);
    if (key === undefined) return false;
    return (
      (await this.pool.query("SELECT 1 FROM articles WHERE url_key = $1 LIMIT 1", [key]))
        .rowCount === 1
    );
  }

  async seenBetween(from: string, to: string) {
    const { rows } = await this.pool.query(
      `SELECT source, first_seen AS "firstSeen", article FROM articles
       WHERE first_seen >= $1 AND first_seen < $2 ORDER BY first_seen, id`,
      [from, to],
    );
    return parseStored(rows as { source: string; firstSeen: string; article: string }[]);
  }

  async count(): Promise<number> {
    return (
      (await this.pool.query("SELECT COUNT(*)::integer AS n FROM articles")).rows[0] as {
        n: number;
      }
    ).n;
  }

  async source(url: string): Promise<SourceRow | undefined> {
    return (await this.pool.query(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE url = $1`, [url]))
      .rows[0] as SourceRow | undefined;
  }

  async recordSuccess(
    url: string,
    at: string,
    result: { kind?: "feed" | "page"; validators?: Validators },
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO sources (url, kind, etag, last_modified, last_attempt_at, last_success_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (url) DO UPDATE SET
         kind = COALESCE($2, sources.kind),
         etag = CASE WHEN $6 THEN $3 ELSE sources.etag END,
         last_modified = CASE WHEN $6 THEN $4 ELSE sources.last_modified END,
         last_attempt_at = $5, last_success_at = $5, failing_since = NULL, last_error = NULL`,
      [
        url,
        result.kind ?? null,
        result.validators?.etag ?? null,
        result.validators?.lastModified ?? null,
        at,
        result.validators !== undefined,
      ],
    );
  }

  async recordFailure(url: string, at: string, reason: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO sources (url, last_attempt_at, failing_since, last_error) VALUES ($1, $2, $2, $3)
       ON CONFLICT (url) DO UPDATE SET last_attempt_at = $2,
         failing_since = COALESCE(sources.failing_since, $2), last_error = $3`,
      [url, at, reason],
    );
  }
}
