import { daysBetween } from "../dates/calendar-day.js";
import type { Article } from "../model/article.js";
import { createMinHasher, jaccard } from "./minhash.js";

/** Options of {@link foldDuplicates}. */
export interface FoldDuplicatesOptions {
  /** Jaccard similarity of word shingles at or above which two articles are one. */
  threshold?: number;
  /**
   * Texts published further apart than this many days are separate publications (an annual
   * notice, a story re-run a year on), however alike. Default 30.
   */
  maxDaysApart?: number;
}

/** A duplicate folded into another article. */
export interface FoldedDuplicate {
  keptId: string;
  foldedId: string;
  similarity: number;
}

const BANDS = 8;
const ROWS = 8;
const BUCKET_LIMIT = 8;

/**
 * Folds exact and near-duplicate articles (Jaccard ≥ 0.9 over 5-word shingles) into one article
 * that keeps every origin. Candidates come from MinHash signatures hashed in bands (LSH), so the
 * cost grows linearly with the corpus; each candidate pair is then checked exactly. The article
 * kept is the one with the most text (the first on a tie); missing metadata is filled from the
 * others. The bands are tuned for thresholds of 0.8 and above: below that, pairs are found only by
 * chance.
 */
export function foldDuplicates(
  articles: readonly Article[],
  options: FoldDuplicatesOptions = {},
): { articles: Article[]; folded: FoldedDuplicate[] } {
  const threshold = options.threshold ?? 0.9;
  const maxDaysApart = options.maxDaysApart ?? 30;
  const farApart = (a: Article, b: Article): boolean => {
    const [x, y] = [a.published, b.published];
    if (!x.start || !x.end || !y.start || !y.end) return false;
    return daysBetween(x.end, y.start) > maxDaysApart || daysBetween(y.end, x.start) > maxDaysApart;
  };
  const hasher = createMinHasher({ hashes: BANDS * ROWS, shingleSize: 5 });
  const texts = articles.map((article) => `${article.title}\n${article.paragraphs.join("\n")}`);
  const shingles = texts.map((text) => hasher.shingles(text));
  const parent = articles.map((_, index) => index);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) [parent[i], i] = [root, parent[i] as number];
    return root;
  };
  const similarity = new Map<number, number>();
  const union = (a: number, b: number, score: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
    parent[high] = low;
    similarity.set(high, score);
  };

  const exactIds = new Map<string, number>();
  const buckets = new Map<number, number[]>();
  articles.forEach((article, index) => {
    const exact = exactIds.get(article.id);
    if (exact !== undefined) union(exact, index, 1);
    else exactIds.set(article.id, index);
    const set = shingles[index] as Uint32Array;
    if (set.length === 0) return;
    const signature = hasher.signature(set);
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(band, signature.subarray(band * ROWS, band * ROWS + ROWS));
      const members = buckets.get(key);
      if (members === undefined) {
        buckets.set(key, [index]);
        continue;
      }
      for (const other of members) {
        if (find(other) === find(index) || farApart(articles[other] as Article, article)) continue;
        const score = jaccard(shingles[other] as Uint32Array, set);
        if (score >= threshold) union(other, index, score);
      }
      // A bounded bucket keeps the work linear when many texts share a band.
      if (members.length < BUCKET_LIMIT) members.push(index);
    }
  });
  return assemble(articles, texts, find, similarity);
}

function assemble(
  articles: readonly Article[],
  texts: readonly string[],
  find: (i: number) => number,
  similarity: ReadonlyMap<number, number>,
): { articles: Article[]; folded: FoldedDuplicate[] } {
  const groups = new Map<number, number[]>();
  articles.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  const result: Article[] = [];
  const folded: FoldedDuplicate[] = [];
  for (const members of groups.values()) {
    const keep = members.reduce((best, i) =>
      (texts[i]?.length ?? 0) > (texts[best]?.length ?? 0) ? i : best,
    );
    const kept = merge(
      articles[keep] as Article,
      members.filter((i) => i !== keep).map((i) => articles[i] as Article),
    );
    result.push(kept);
    for (const i of members) {
      if (i !== keep)
        folded.push({
          keptId: kept.id,
          foldedId: (articles[i] as Article).id,
          similarity: similarity.get(i) ?? 1,
        });
    }
  }
  return { articles: result, folded };
}

function merge(kept: Article, others: readonly Article[]): Article {
  if (others.length === 0) return kept;
  const merged: Article = { ...kept, origins: [...kept.origins] };
  for (const other of others) {
    for (const origin of other.origins) {
      if (!merged.origins.some((o) => o.path === origin.path)) merged.origins.push(origin);
    }
    merged.url ??= other.url;
    merged.publisher ??= other.publisher;
    merged.byline ??= other.byline;
    if (other.published.confidence > merged.published.confidence)
      merged.published = other.published;
  }
  for (const key of ["url", "publisher", "byline"] as const)
    if (merged[key] === undefined) delete merged[key];
  return merged;
}

/**
 * A band of a signature as one number: two 26-bit hashes of the band's rows (a 52-bit key, so
 * that unrelated bands practically never share a bucket; when they do, the exact check discards
 * the pair).
 */
function bandKey(band: number, rows: Uint32Array): number {
  let high = Math.imul(band + 1, 0x9e3779b1);
  let low = Math.imul(band + 1, 0x85ebca6b);
  for (let r = 0; r < rows.length; r++) {
    high = Math.imul(high ^ (rows[r] as number), 0x01000193);
    low = Math.imul((low ^ (rows[r] as number)) + 0x6d2b79f5, 0xc2b2ae35);
    low ^= low >>> 15;
  }
  return (high >>> 6) * 2 ** 26 + (low >>> 6);
}
