import type { Article } from "@briefing/core";
import { addTo } from "./add-to.js";
import { analyseText, contentTerms } from "./analyse-text.js";
import { extractMentions, type MentionRecord } from "./extract-mentions.js";
import { cosine, type TermVector, tfIdfVectors } from "./tf-idf.js";

/** Options for {@link buildTimeline}: the budget and the window. */
export interface BuildTimelineOptions {
  /** How many dates the timeline has. */
  dates: number;
  /** How many sentences each date has. */
  sentencesPerDate: number;
  /** First and last day (`YYYY-MM-DD`) a date may fall on. */
  from: string;
  to: string;
  /** Words the timeline is about; sentences that share them rank higher. */
  query?: string;
  /**
   * How an article's sentences are read (default {@link extractMentions}): pass a memoised one
   * to build several timelines from one corpus while reading each article once.
   */
  mentionsOf?: (article: Article) => readonly MentionRecord[];
}

/** One dated entry of a fixed-budget timeline. */
export interface TimelineEntry {
  date: string;
  sentences: { text: string; articleId: string }[];
}

/** Sentences too alike to stand side by side under one date. */
const REDUNDANT = 0.5;

/**
 * A timeline for a fixed budget: `dates` days within [from, to], each with `sentencesPerDate`
 * sentences. Days are chosen by salience (how many articles report events on the day, how many
 * sentences are dated to it, how many articles appear that day); each day's sentences by
 * centrality among that day's reports (TF-IDF cosine to their centroid, plus the query), skipping
 * near-repeats. Entries come oldest first. Deterministic.
 */
export function buildTimeline(
  articles: readonly Article[],
  options: BuildTimelineOptions,
): TimelineEntry[] {
  const inWindow = (day: string) => day >= options.from && day <= options.to;
  const mentionsOf = options.mentionsOf ?? extractMentions;
  const candidates = new Map<string, { text: string; articleId: string; terms: string[] }[]>();
  const reporters = new Map<string, Set<string>>();
  const published = new Map<string, Set<string>>();
  for (const article of articles) {
    const day = article.published.precision === "day" ? article.published.start : null;
    if (day && inWindow(day)) {
      const set = published.get(day) ?? new Set<string>();
      set.add(article.id);
      published.set(day, set);
    }
    for (const record of mentionsOf(article)) {
      const { start, end } = record.date;
      if (!record.reports || !start || start !== end || !inWindow(start)) continue;
      addTo(candidates, start, {
        text: record.mention.text,
        articleId: article.id,
        terms: record.terms,
      });
      const set = reporters.get(start) ?? new Set<string>();
      set.add(article.id);
      reporters.set(start, set);
    }
  }
  const days = new Set([...candidates.keys(), ...published.keys()]);
  const salience = (day: string) =>
    2 * (reporters.get(day)?.size ?? 0) +
    (candidates.get(day)?.length ?? 0) +
    (published.get(day)?.size ?? 0);
  const chosen = [...days]
    .sort((a, b) => salience(b) - salience(a) || (a < b ? -1 : 1))
    .slice(0, options.dates)
    .sort();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const query = options.query
    ? new Set(options.query.toLowerCase().split(/\W+/).filter(Boolean))
    : null;
  return chosen.map((day) => {
    const pool = [...(candidates.get(day) ?? [])];
    // A day with too few dated reports takes the leads of the articles published on it.
    for (const id of [...(published.get(day) ?? [])].sort()) {
      const lead = byId.get(id)?.paragraphs[0];
      if (!lead || pool.length >= options.sentencesPerDate * 3) continue;
      for (const s of analyseText(lead).slice(0, 2))
        pool.push({
          text: s.text,
          articleId: id,
          terms: contentTerms(s.tokens),
        });
    }
    return { date: day, sentences: pick(pool, options.sentencesPerDate, query) };
  });
}

function pick(
  pool: { text: string; articleId: string; terms: string[] }[],
  count: number,
  query: Set<string> | null,
): { text: string; articleId: string }[] {
  const unique = pool.filter((c, i) => pool.findIndex((d) => d.text === c.text) === i);
  const vectors = tfIdfVectors(unique.map((c) => c.terms));
  const centroid: TermVector = new Map();
  for (const v of vectors)
    for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w / vectors.length);
  const score = (i: number) => {
    const terms = unique[i]?.terms ?? [];
    const hits = query ? terms.filter((t) => query.has(t)).length / Math.max(1, query.size) : 0;
    return cosine(vectors[i] as TermVector, centroid) + hits;
  };
  const order = unique.map((_, i) => i).sort((a, b) => score(b) - score(a) || a - b);
  const taken: number[] = [];
  for (const i of order) {
    if (taken.length >= count) break;
    if (taken.some((j) => cosine(vectors[i] as TermVector, vectors[j] as TermVector) > REDUNDANT))
      continue;
    taken.push(i);
  }
  // When near-repeats leave the budget short, fill it with the best of the rest.
  for (const i of order) if (taken.length < count && !taken.includes(i)) taken.push(i);
  return taken.map((i) => ({ text: unique[i]?.text ?? "", articleId: unique[i]?.articleId ?? "" }));
}
