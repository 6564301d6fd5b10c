import { createHash } from "node:crypto";
import { type Article, ArticleSchema } from "@briefing/core";
import { canonicalUrl } from "./canonical-url.js";
import type { StoredArticle } from "./digest-store.js";

/** What the store knows an article by. */
export interface ArticleIdentity {
  /** The canonical address, when the article has a web address. */
  urlKey: string | null;
  /** The address's fragment (without `#`), "" when none. */
  fragment: string;
  /** The hash of its body, normalised. */
  contentHash: string;
  /** Whether its text is long enough to know it by wherever it is found. */
  substantial: boolean;
  /** The id it is stored under when it is new. */
  newId: string;
}

/** A stored article as a driver reads it for matching. */
export interface StoredRow {
  id: string;
  fragment: string;
  hash: string;
  /** The stored Article JSON. */
  article: string;
}

/** Words of text from which two articles with the same text are one, wherever found. */
const SUBSTANTIAL_WORDS = 30;

/** Words of an article's body, as whitespace separates them. */
export function bodyWords(article: Article): number {
  let words = 0;
  for (const p of article.paragraphs) words += p.split(/\s+/).filter(Boolean).length;
  return words;
}

export function identityOf(article: Article): ArticleIdentity {
  const urlKey = canonicalUrl(article.url) ?? null;
  const fragment = urlKey ? fragmentOf(article.url as string) : "";
  const contentHash = bodyHash(article);
  const newId = `s${createHash("sha256")
    .update(`${urlKey ?? ""}\n${fragment}\n${contentHash}\n${article.title}`)
    .digest("hex")
    .slice(0, 15)}`;
  return {
    urlKey,
    fragment,
    contentHash,
    substantial: bodyWords(article) >= SUBSTANTIAL_WORDS,
    newId,
  };
}

/**
 * The stored article at the same address that this one is: the same title or text; with another
 * fragment (a day's page with an anchor per post), only the same title or substantial text.
 */
export function matchAtAddress(
  rows: readonly StoredRow[],
  article: Article,
  identity: ArticleIdentity,
): StoredRow | undefined {
  return rows.find(
    (row) =>
      ((identity.substantial || row.fragment === identity.fragment) &&
        row.hash === identity.contentHash) ||
      (JSON.parse(row.article) as Article).title === article.title,
  );
}

/** The values of an article's row: `id, source, url_key, fragment, content_hash, first_seen, article`. */
export function insertValues(
  article: Article,
  identity: ArticleIdentity,
  source: string,
  seenAt: string,
) {
  const id = identity.newId;
  return [
    id,
    source,
    identity.urlKey,
    identity.fragment,
    identity.contentHash,
    seenAt,
    JSON.stringify({ ...article, id }),
  ] as const;
}

/** The values that update a stored article: `article, url_key, content_hash, updated_at, id`. */
export function updateValues(
  article: Article,
  identity: ArticleIdentity,
  id: string,
  seenAt: string,
) {
  return [
    JSON.stringify({ ...article, id }),
    identity.urlKey,
    identity.contentHash,
    seenAt,
    id,
  ] as const;
}

/** Whether a stored article reads the same as this one: where it was found does not count. */
export function sameContent(stored: string, article: Article): boolean {
  return contentOf(JSON.parse(stored) as Article) === contentOf(article);
}

/** Stored rows as articles; a row that no longer parses is skipped. */
export function parseStored(
  rows: readonly { source: string; firstSeen: string; article: string }[],
): StoredArticle[] {
  const stored: StoredArticle[] = [];
  for (const row of rows) {
    const parsed = ArticleSchema.safeParse(JSON.parse(row.article));
    if (parsed.success)
      stored.push({ article: parsed.data, source: row.source, firstSeen: row.firstSeen });
  }
  return stored;
}

function fragmentOf(url: string): string {
  const at = url.indexOf("#");
  return at < 0 ? "" : url.slice(at + 1);
}

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
