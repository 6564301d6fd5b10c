import { type Article, daysBetween } from "@briefing/core";
import { chronologyOpeningLength } from "../mentions/chronology-opening-length.js";
import {
  type ExtractMentionsOptions,
  extractMentions,
  type MentionRecord,
} from "../mentions/extract-mentions.js";
import { addTo, addToSet } from "../shared/add-to.js";
import {
  cosine,
  type DocumentFrequencies,
  frequenciesOf,
  type TermVector,
  tfIdfVectors,
} from "../shared/tf-idf.js";

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
   * How an article's sentences are read (default {@link extractMentions} with
   * {@link TIMELINE_EXTRACTION}): pass a memoised one to build several timelines from one corpus
   * while reading each article once.
   */
  mentionsOf?: (article: Article) => readonly MentionRecord[];
}

/** What {@link buildTimeline} reads of each sentence: neither names nor figures. */
export const TIMELINE_EXTRACTION: Readonly<ExtractMentionsOptions> = {
  names: false,
  numbers: false,
};

/** One dated entry of a fixed-budget timeline. */
export interface TimelineEntry {
  date: string;
  sentences: { text: string; articleId: string }[];
}

/** Sentences too alike to stand side by side under one date. */
const REDUNDANT = 0.5;

/**
 * A timeline for a fixed budget: `dates` days within [from, to], each with `sentencesPerDate`
 * sentences. Days are chosen by two rankings fused (Borda): attention, how many articles date
 * something to the day in their own words, counting twice those written on later days (a day
 * still recalled afterwards is a turning point), the number published that day breaking ties;
 * and that attention relative to the articles published a day in the week either side. Each day's
 * sentences are the reports dated to it and the opening sentences of that day's articles (unless
 * dated to another day): first the entries of chronologies journalists wrote into their articles
 * ("April 22 - The rig sinks."), shown without the date they open with, then the sentences that
 * carry an entry on up to the next date ("Eleven workers are missing."), then by centrality
 * (TF-IDF cosine to their centroid, with the corpus's document frequencies) plus the query,
 * skipping near-repeats. Entries come oldest first. Deterministic.
 */
export function buildTimeline(
  articles: readonly Article[],
  options: BuildTimelineOptions,
): TimelineEntry[] {
  const inWindow = (day: string) => day >= options.from && day <= options.to;
  const mentionsOf =
    options.mentionsOf ?? ((article: Article) => extractMentions(article, TIMELINE_EXTRACTION));
  /** Reports dated to the day, by their own words or, for reported speech, by their article. */
  const reports = new Map<string, Candidate[]>();
  /** The first sentences of the articles published on the day. */
  const leads = new Map<string, Candidate[]>();
  /** Articles that date something to the day in so many words, and those of them written later. */
  const mentionedBy = new Map<string, Set<string>>();
  const laterBy = new Map<string, Set<string>>();
  const published = new Map<string, number>();
  // Each article's distinct terms, for the document frequencies.
  const bags: string[][] = [];
  for (const article of articles) {
    const day = article.published.precision === "day" ? article.published.start : null;
    const dayInWindow = day !== null && inWindow(day);
    if (dayInWindow) published.set(day, (published.get(day) ?? 0) + 1);
    const records = mentionsOf(article);
    const facts = factsOf(records);
    records.forEach((record, i) => {
      // After a chronology's entry, the sentences up to the next date are of the entry's day.
      const follows = facts.follows[i] as number;
      const dated = follows >= 0 ? (records[follows] as MentionRecord) : record;
      const { start, end } = dated.date;
      // An opening sentence is news of the day the article came out, unless it is of another.
      const elsewhere = dated.dateText !== undefined && start === end && start !== day;
      if (dayInWindow && record.position < LEAD_SENTENCES && record.terms.length > 0 && !elsewhere)
        addTo(leads, day, candidateOf(record, article.id, facts, i));
      if (!start || start !== end || !inWindow(start)) return;
      if (record.reports) addTo(reports, start, candidateOf(record, article.id, facts, i));
      if (!record.dateText) return;
      addToSet(mentionedBy, start, article.id);
      if (day && day > start) addToSet(laterBy, start, article.id);
    });
    bags.push(facts.terms);
  }
  // A day matters when many articles date something to it, the more when they look back on it
  // from later days; how many articles came out that day only breaks ties.
  const attention = (day: string) =>
    (mentionedBy.get(day)?.size ?? 0) +
    (laterBy.get(day)?.size ?? 0) +
    (published.get(day) ?? 0) / (articles.length + 1);
  // It matters too when that attention stands out from what was written at the time: a day
  // singled out in a quiet spell as much as one in the busiest week.
  const writtenNearby = publishedNearby(published, options.from, options.to);
  const days = [...new Set([...mentionedBy.keys(), ...reports.keys(), ...published.keys()])];
  const chosen = fuseRanks(days, [attention, (day) => attention(day) / (writtenNearby(day) + 1)])
    .slice(0, options.dates)
    .sort();
  const query = new Set(options.query?.toLowerCase().split(/\W+/).filter(Boolean) ?? []);
  const frequencies = frequenciesOf(bags);
  return chosen.map((day) => {
    const pool = [...(reports.get(day) ?? []), ...(leads.get(day) ?? [])];
    return {
      date: day,
      sentences: pick(pool, { count: options.sentencesPerDate, query, frequencies }).map((c) => ({
        // Listed under its date, an entry need not say the date again.
        text: c.opening > 0 && c.date === day ? c.text.slice(c.opening) : c.text,
        articleId: c.articleId,
      })),
    };
  });
}

/** Days either side of a day over which {@link publishedNearby} averages. */
const NEARBY_DAYS = 7;

/** Articles published a day, on average over the week either side (within [from, to]). */
function publishedNearby(
  published: ReadonlyMap<string, number>,
  from: string,
  to: string,
): (day: string) => number {
  const span = daysBetween(from, to) + 1;
  // Publications before each day of the window, so that any stretch is one subtraction.
  const before = new Float64Array(span + 1);
  for (const [day, count] of published) {
    const i = daysBetween(from, day) + 1;
    before[i] = (before[i] as number) + count;
  }
  for (let i = 1; i <= span; i++) before[i] = (before[i] as number) + (before[i - 1] as number);
  return (day) => {
    const i = daysBetween(from, day);
    const first = Math.max(0, i - NEARBY_DAYS);
    const last = Math.min(span - 1, i + NEARBY_DAYS);
    return ((before[last + 1] as number) - (before[first] as number)) / (2 * NEARBY_DAYS + 1);
  };
}

/**
 * Days ordered by the sum of their ranks under each score (Borda count; ties go to the earlier
 * day): no weights to fit between scores of different scales.
 */
function fuseRanks(
  days: readonly string[],
  scores: readonly ((day: string) => number)[],
): string[] {
  const total = new Map<string, number>(days.map((day) => [day, 0]));
  for (const score of scores) {
    const value = new Map(days.map((day) => [day, score(day)]));
    const ranked = [...days].sort(
      (a, b) => (value.get(b) as number) - (value.get(a) as number) || (a < b ? -1 : 1),
    );
    ranked.forEach((day, rank) => {
      total.set(day, (total.get(day) as number) + rank);
    });
  }
  return [...days].sort(
    (a, b) => (total.get(a) as number) - (total.get(b) as number) || (a < b ? -1 : 1),
  );
}

/** What a timeline needs of an article's records as a whole. */
interface ArticleFacts {
  /** The distinct terms, for the document frequencies. */
  terms: string[];
  /** Each record's chronology opening ({@link chronologyOpeningLength}), 0 if none. */
  openings: number[];
  /** Whether the article is a chronology: enough of its sentences are entries. */
  chronology: boolean;
  /**
   * In a chronology, the entry (of one day) each undated sentence follows, through other undated
   * ones; -1 for the others.
   */
  follows: number[];
}

/** {@link ArticleFacts}, worked out once per list of records (not once per timeline). */
const articleFacts = new WeakMap<readonly MentionRecord[], ArticleFacts>();
function factsOf(records: readonly MentionRecord[]): ArticleFacts {
  let facts = articleFacts.get(records);
  if (!facts) {
    const found = new Set<string>();
    for (const record of records) for (const term of record.terms) found.add(term);
    const openings = records.map(chronologyOpeningLength);
    const chronology = openings.filter((n) => n > 0).length >= CHRONOLOGY_ENTRIES;
    const follows = records.map(() => -1);
    if (chronology) {
      let entry = -1;
      records.forEach((record, i) => {
        const single = record.date.start !== null && record.date.start === record.date.end;
        if ((openings[i] as number) > 0) entry = single ? i : -1;
        else if (record.dateText) entry = -1;
        else follows[i] = entry;
      });
    }
    facts = { terms: [...found], openings, chronology, follows };
    articleFacts.set(records, facts);
  }
  return facts;
}

interface Candidate {
  text: string;
  articleId: string;
  terms: string[];
  /** The day the sentence itself is dated to, if one. */
  date: string | null;
  /** Length of its opening date and separator when written as a chronology's entry, else 0. */
  opening: number;
  /** Whether it is an entry of a chronology (an article with several such entries). */
  entry: boolean;
  /** Whether it carries on a chronology's entry ({@link ArticleFacts.follows}). */
  continues: boolean;
}

/** The candidate made of the `index`th of an article's records. */
function candidateOf(
  record: MentionRecord,
  articleId: string,
  facts: ArticleFacts,
  index: number,
): Candidate {
  const opening = facts.openings[index] as number;
  return {
    text: record.mention.text,
    articleId,
    terms: record.terms,
    date: record.date.start === record.date.end ? record.date.start : null,
    opening,
    entry: facts.chronology && opening > 0,
    continues: (facts.follows[index] as number) >= 0,
  };
}

/**
 * Entries that make an article a chronology (a timeline or fact box of dated entries, written by
 * a journalist): its entries are preferred to other sentences of their day.
 */
const CHRONOLOGY_ENTRIES = 3;

/** Sentences an article opens with, taken as its news of the day it came out. */
const LEAD_SENTENCES = 3;

/**
 * The `count` sentences of a day: chronology entries first, then what carries them on, then those
 * closest to the centroid of the day's candidates (TF-IDF with the corpus's document frequencies,
 * so words every report of the topic uses weigh little), plus the share of the query they hold,
 * skipping near-repeats of those already taken.
 */
function pick(
  pool: readonly Candidate[],
  options: { count: number; query: ReadonlySet<string>; frequencies: DocumentFrequencies },
): Candidate[] {
  const { count, query } = options;
  const seen = new Set<string>();
  const unique = pool.filter((c) => !seen.has(c.text) && seen.add(c.text));
  const vectors = tfIdfVectors(
    unique.map((c) => c.terms),
    options.frequencies,
  );
  const centroid: TermVector = new Map();
  for (const v of vectors)
    for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w / vectors.length);
  const scores = unique.map((candidate, i) => {
    const hits =
      query.size === 0 ? 0 : candidate.terms.filter((t) => query.has(t)).length / query.size;
    return cosine(vectors[i] as TermVector, centroid) + hits;
  });
  const score = (i: number) => scores[i] as number;
  const rank = (i: number) => (unique[i]?.entry ? 2 : unique[i]?.continues ? 1 : 0);
  const order = unique
    .map((_, i) => i)
    .sort((a, b) => rank(b) - rank(a) || score(b) - score(a) || a - b);
  const taken: number[] = [];
  for (const i of order) {
    if (taken.length >= count) break;
    if (taken.some((j) => cosine(vectors[i] as TermVector, vectors[j] as TermVector) > REDUNDANT))
      continue;
    taken.push(i);
  }
  // When near-repeats leave the budget short, fill it with the best of the rest.
  for (const i of order) if (taken.length < count && !taken.includes(i)) taken.push(i);
  return taken.map((i) => unique[i] as Candidate);
}
