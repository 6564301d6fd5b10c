import type { Article } from "../model/article.js";
import { inferPublished } from "./infer-published.js";
import type { DateReference } from "./resolve-dates.js";

/** Options for {@link inferCorpusDates}. */
export interface InferCorpusDatesOptions {
  /** How many of the most similar dated articles make an article's context. Default 3. */
  neighbours?: number;
  /** Least similarity (cosine over shared names weighted by rarity) for a neighbour. Default 0.08. */
  minSimilarity?: number;
}

/**
 * Dates for articles that state no year anywhere, from the articles that share their names
 * (people, places, organisations: capitalised words inside sentences, weighted by rarity). The
 * dated articles most like it give a context range; the article's own yearless dates ("On August
 * 15") then take their year from it and bound its publication ({@link inferPublished}); an article
 * with no date of its own gets the context range itself, with low confidence. Evidence names the
 * articles and the names they share. Articles whose date is known are returned unchanged; the
 * order is kept. Pure and deterministic.
 */
export function inferCorpusDates(
  articles: readonly Article[],
  options: InferCorpusDatesOptions = {},
): Article[] {
  const k = options.neighbours ?? 3;
  const min = options.minSimilarity ?? 0.08;
  // Nothing to date: the names need not be read.
  if (!articles.some((a) => a.published.precision === "unknown")) return [...articles];
  // Titles are often in title case: the names come from the body.
  const names = articles.map((a) => properNames(a.paragraphs.join("\n\n")));
  const weights = rarityWeights(names);
  const vectors = names.map((set) => weigh(set, weights));
  const result = [...articles];
  const undated = (i: number) => result[i]?.published.precision === "unknown";
  // First the articles with yearless dates of their own, then, with those dated too, the rest.
  for (const anchoredOnly of [true, false]) {
    const postings = new Map<string, number[]>();
    result.forEach((_, j) => {
      if (undated(j)) return;
      for (const name of names[j] as Set<string>) {
        const list = postings.get(name);
        if (list) list.push(j);
        else postings.set(name, [j]);
      }
    });
    const updates: [number, Article][] = [];
    result.forEach((article, i) => {
      if (!undated(i)) return;
      const context = contextFor(i, postings, result, vectors, names, k, min);
      if (!context) return;
      const text = [article.title, ...article.paragraphs].join("\n\n");
      const published = inferPublished(text, { context });
      const anchored = published.evidence[0]?.rule === "inferred:latest-past-date";
      if (anchoredOnly && !anchored) return;
      updates.push([i, { ...article, published }]);
    });
    for (const [i, article] of updates) result[i] = article;
  }
  return result;
}

const RAREST_NAMES = 10;
const MAX_POSTINGS = 500;

function contextFor(
  index: number,
  postings: ReadonlyMap<string, number[]>,
  articles: readonly Article[],
  vectors: readonly Map<string, number>[],
  names: readonly Set<string>[],
  k: number,
  min: number,
): DateReference | null {
  const own = vectors[index] as Map<string, number>;
  // Candidates share one of the article's rarest names that a dated article also has: no
  // comparison with every dated article.
  const candidates = new Set<number>();
  const rarest = [...own.keys()]
    .filter((name) => postings.has(name))
    .sort((a, b) => (own.get(b) ?? 0) - (own.get(a) ?? 0) || cmp(a, b))
    .slice(0, RAREST_NAMES);
  for (const name of rarest)
    for (const j of (postings.get(name) ?? []).slice(0, MAX_POSTINGS)) candidates.add(j);
  const ranked = [...candidates]
    .map((j) => ({ j, similarity: cosine(own, vectors[j] as Map<string, number>) }))
    .filter((n) => n.similarity >= min)
    .sort((a, b) => b.similarity - a.similarity || a.j - b.j)
    .slice(0, k);
  if (ranked.length === 0) return null;
  let start = "9999-12-31";
  let end = "0000-01-01";
  const cited: string[] = [];
  for (const { j } of ranked) {
    const published = (articles[j] as Article).published;
    if (!published.start || !published.end) continue;
    if (published.start < start) start = published.start;
    if (published.end > end) end = published.end;
    const span =
      published.start === published.end ? published.start : `${published.start}/${published.end}`;
    cited.push(`'${(articles[j] as Article).title}' (${span})`);
  }
  if (cited.length === 0) return null;
  const shared = [...(names[index] as Set<string>)]
    .filter((name) => ranked.some(({ j }) => names[j]?.has(name)))
    .sort((a, b) => (vectors[index]?.get(b) ?? 0) - (vectors[index]?.get(a) ?? 0) || cmp(a, b))
    .slice(0, 4);
  return {
    start,
    end,
    evidence: `from ${cited.length === 1 ? "an article" : `${cited.length} articles`} sharing ${shared.join(", ")}: ${cited.join("; ")}`,
  };
}

const NOT_NAMES = new Set(
  "the a an and but or if in on at of for to from by with as this that these those it its he she they we i you his her their our my your there here when while after before during since until about over under also meanwhile however according said says monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(
    " ",
  ),
);

/**
 * Capitalised words that stand inside a sentence (a sentence's first word is capitalised anyway),
 * lowercased: the names a story is about.
 */
export function properNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![.!?:"“]\s|^)\b(\p{Lu}[\p{L}'’-]{2,})/gmu)) {
    const word = (match[1] as string).toLowerCase().replace(/['’]s$/, "");
    if (!NOT_NAMES.has(word)) names.add(word);
  }
  return names;
}

function rarityWeights(sets: readonly Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const name of set) counts.set(name, (counts.get(name) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [name, count] of counts) weights.set(name, Math.log(1 + sets.length / count));
  return weights;
}

function weigh(set: Set<string>, weights: Map<string, number>): Map<string, number> {
  return new Map([...set].map((name) => [name, weights.get(name) ?? 0]));
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [name, weight] of a) dot += weight * (b.get(name) ?? 0);
  const norm = (v: Map<string, number>) =>
    Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
