import {
  type Article,
  type Caveat,
  daysBetween,
  type LedeSentence,
  type RecalledEvent,
  type Storyline,
  shiftDay,
  type TimelineEntry,
} from "@briefing/core";
import { openingOfDay } from "../mentions/chronology-opening-length.js";
import type { MentionRecord } from "../mentions/extract-mentions.js";
import { readsOnItsOwn } from "../mentions/sentence-quality.js";
import { isReportDated, type RankedEvent, rankEvents } from "./rank-events.js";
import { isEntryDated, selectTimeline, type TimelineBudget, wordCount } from "./select-timeline.js";

/** What a reader gets of a corpus's storylines within a reading budget. */
export interface Reading {
  /** The storylines the reader is told about: the main story, then up to three side stories. */
  storylines: Storyline[];
  timeline: TimelineEntry[];
  lede: LedeSentence[];
  background: LedeSentence[];
  caveats: Caveat[];
}

/** Options of {@link composeReading}. */
export interface ComposeReadingOptions {
  /** The words of the briefing's body, everything above its sources. */
  maxWords: number;
  /** Overrides the timeline's share of `maxWords` (the protocol's budget, say). */
  budget?: TimelineBudget;
  /** At most this many timeline entries. */
  maxEntries?: number;
  /** Words of the body spent on what is not chosen here: the key actors' list. */
  reservedWords?: number;
  /** The articles a side story's share is counted of (default: all): a digest's new ones. */
  storyArticles?: number;
}

/** A side storyline is told when it holds this share of the corpus's articles. */
const SIDE_STORY_SHARE = 0.1;
const MAX_SIDE_STORIES = 3;
/**
 * The timeline's first share of the body; entries are then left out, least important first,
 * until the whole body (lede, timeline, background, caveats, the actors' list) fits.
 */
const TIMELINE_SHARE = 0.8;
/**
 * Words the body spends besides its sentences: the headline (twice: title and storyline), the
 * coverage line, section headings.
 */
const BODY_OVERHEAD_WORDS = 50;
/** Words a month's heading, an entry's date ("Tue 20 Apr") and source count, a caveat's label take. */
const MONTH_HEADING_WORDS = 2;
const ENTRY_MARKER_WORDS = 5;
const CAVEAT_MARKER_WORDS = 6;
/** Days before the first and after the last publication an entry may fall on. */
const WINDOW_MARGIN_DAYS = 31;
const LEDE_SENTENCES = 2;
const BACKGROUND_SENTENCES = 3;
const CAVEATS_OF_EACH_KIND = 2;

/**
 * Ranks the events of the storylines and chooses what a reader sees: the storylines worth
 * telling (the main one, and side ones holding a real share of the corpus), the timeline within
 * the budget, a lede of the two most important entries, up to three sentences of background
 * (context no day dates), and the caveats that add something (disputes and single-source claims
 * of events not already in the timeline).
 */
export function composeReading(
  storylines: readonly Storyline[],
  records: readonly MentionRecord[],
  articles: readonly Article[],
  options: ComposeReadingOptions,
): Reading {
  const told = storiesWorthTelling(storylines, options.storyArticles ?? articles.length);
  const ranked = rankEvents(told, records, articles);
  const budget: TimelineBudget = options.budget ?? {
    kind: "words",
    words: Math.round(options.maxWords * TIMELINE_SHARE),
  };
  const window = publicationWindow(articles);
  const publishedPerDay = new Map<string, number>();
  for (const a of articles)
    if (a.published.start && a.published.start === a.published.end)
      publishedPerDay.set(a.published.start, (publishedPerDay.get(a.published.start) ?? 0) + 1);
  let chosen = selectTimeline(ranked, {
    budget,
    publishedPerDay,
    ...(window ? { window } : {}),
  });
  if (options.maxEntries !== undefined && chosen.length > options.maxEntries) {
    const keep = new Set([...chosen].sort((a, b) => a.rank - b.rank).slice(0, options.maxEntries));
    chosen = chosen.filter((r) => keep.has(r));
  }
  // Least important first, entries leave until the body fits its words.
  const aside = asideCandidates(ranked, window);
  for (;;) {
    const reading = readingOf(told, aside, chosen);
    const words = bodyWords(reading) + (options.reservedWords ?? 0);
    // The most important entry stays, however small the budget: a briefing tells something.
    if (options.budget || chosen.length <= 1 || words <= options.maxWords) return reading;
    const last = chosen.reduce((a, b) => (b.rank > a.rank ? b : a));
    chosen = chosen.filter((r) => r !== last);
  }
}

/**
 * What may stand beside the timeline, in rank order, whatever the timeline holds: background (events
 * no timeline could hold, being undated or dated too widely, that read well), disputes and
 * single-source claims of substance. Worked out once; each reading takes those its timeline leaves.
 */
interface AsideCandidates {
  background: LedeSentence[];
  disputed: RankedEvent[];
  single: RankedEvent[];
}

function asideCandidates(
  ranked: readonly RankedEvent[],
  window: { from: string; to: string } | undefined,
): AsideCandidates {
  return {
    // A timeline's entry is always timeline-dated: background never meets the timeline.
    background: ranked
      .filter((r) => !isTimelineDated(r, window) && r.quality === 1)
      .slice(0, BACKGROUND_SENTENCES)
      .map(cited),
    disputed: ranked.filter((r) => (r.event.disputed?.length ?? 0) > 0 && r.quality === 1),
    single: ranked.filter(
      (r) =>
        r.publishers === 1 &&
        !r.event.disputed &&
        r.specificity >= 2 &&
        r.quality === 1 &&
        wordCount(r.event.summary) >= 6,
    ),
  };
}

function readingOf(
  told: Storyline[],
  aside: AsideCandidates,
  chosen: readonly RankedEvent[],
): Reading {
  const inTimeline = new Set(chosen.map((r) => r.event.id));
  const lede = ledeOf(chosen)
    .sort((a, b) => chosen.indexOf(a) - chosen.indexOf(b))
    .map((r) => ({ ...cited(r), text: shownText(r) }));
  const left = (r: RankedEvent) => !inTimeline.has(r.event.id);
  return {
    storylines: told,
    timeline: chosen.map(entryOf),
    lede,
    background: aside.background,
    caveats: caveatsOf(
      firstOf(aside.disputed, left, CAVEATS_OF_EACH_KIND),
      firstOf(aside.single, left, CAVEATS_OF_EACH_KIND),
    ),
  };
}

/** A timeline this many days long or longer has a start and a latest stretch to tell apart. */
const ARC_DAYS = 14;

/**
 * The entries a lede tells: the most important that stands alone, and the most important of the
 * other end of the story (its last third when the first is earlier, else what came before), so
 * that the lede says where the story began and where it stands; in a short timeline, the two most
 * important.
 */
function ledeOf(chosen: readonly RankedEvent[]): RankedEvent[] {
  const byRank = [...chosen].sort((a, b) => a.rank - b.rank);
  const standsAlone = (r: RankedEvent) => readsOnItsOwn(r.event.summary) === 1;
  const top = byRank.find(standsAlone) ?? byRank[0];
  const days = chosen.map((r) => r.event.date.start as string).sort();
  const [first, last] = [days[0], days.at(-1)];
  if (!top || !first || !last || daysBetween(first, last) < ARC_DAYS)
    return byRank.slice(0, LEDE_SENTENCES);
  const lateFrom = shiftDay(last, -Math.round(daysBetween(first, last) / 3));
  const late = (r: RankedEvent) => (r.event.date.start as string) >= lateFrom;
  // Corroborated before told by one article, standing alone before leaning on what came before.
  const alone = (r: RankedEvent) => r !== top && standsAlone(r);
  const across = (r: RankedEvent) => alone(r) && late(r) !== late(top);
  const other =
    byRank.find((r) => across(r) && r.articles >= 2) ??
    byRank.find(across) ??
    byRank.find(alone) ??
    byRank.find((r) => r !== top);
  return other ? [top, other] : [top];
}

/** The first `count` items that pass `keep`, without scanning past them. */
function firstOf<T>(items: readonly T[], keep: (item: T) => boolean, count: number): T[] {
  const found: T[] = [];
  for (const item of items) {
    if (found.length === count) break;
    if (keep(item)) found.push(item);
  }
  return found;
}

/** The words a reader reads in the body of a briefing made of this reading, as rendered. */
function bodyWords(reading: Reading): number {
  const months = new Set(reading.timeline.map((e) => e.day.slice(0, 7))).size;
  const sentences = [
    ...reading.lede,
    ...reading.timeline,
    ...reading.background,
    ...reading.caveats,
  ].reduce((n, s) => n + wordCount(s.text), 0);
  const notes = reading.timeline.reduce(
    (n, e) =>
      n +
      (e.dateNote ? wordCount(e.dateNote) + 1 : 0) +
      (e.disputes ?? []).reduce((m, d) => m + 2 + 2 * d.claims.length, 0),
    0,
  );
  return (
    BODY_OVERHEAD_WORDS +
    months * MONTH_HEADING_WORDS +
    reading.timeline.length * ENTRY_MARKER_WORDS +
    reading.caveats.length * CAVEAT_MARKER_WORDS +
    sentences +
    notes
  );
}

/** The main storyline (most articles), then side storylines holding a real share of the corpus. */
function storiesWorthTelling(storylines: readonly Storyline[], total: number): Storyline[] {
  const sized = storylines.map((s) => ({ s, articles: articleCount(s) }));
  sized.sort((a, b) => b.articles - a.articles || b.s.events.length - a.s.events.length);
  const [main, ...others] = sized;
  if (!main) return [];
  const side = others
    .filter((x) => x.articles >= Math.max(2, SIDE_STORY_SHARE * total))
    .slice(0, MAX_SIDE_STORIES);
  return [main, ...side].map((x) => x.s);
}

function articleCount(storyline: Storyline): number {
  const ids = new Set<string>();
  for (const e of storyline.events) for (const m of e.mentions) ids.add(m.articleId);
  return ids.size;
}

/** The days the corpus was published over, with a month's margin either side. */
function publicationWindow(articles: readonly Article[]) {
  let from: string | undefined;
  let to: string | undefined;
  for (const a of articles) {
    const { start, end } = a.published;
    if (start && (!from || start < from)) from = start;
    if (end && (!to || end > to)) to = end;
  }
  if (!from || !to) return undefined;
  return { from: shiftDay(from, -WINDOW_MARGIN_DAYS), to: shiftDay(to, WINDOW_MARGIN_DAYS) };
}

function isTimelineDated(r: RankedEvent, window: { from: string; to: string } | undefined) {
  if (!isEntryDated(r.event)) return false;
  const { start, end } = r.event.date as { start: string; end: string };
  return !window || (end >= window.from && start <= window.to);
}

function articleIdsOf(r: RankedEvent): string[] {
  return [...new Set(r.event.mentions.map((m) => m.articleId))].sort();
}

function cited(r: RankedEvent): LedeSentence {
  return { text: r.event.summary, articleIds: articleIdsOf(r) };
}

/**
 * A storyline's earlier events worth recalling beside its news: its top-ranked events of good
 * quality dated to a day or a week, `max` at most, oldest first.
 */
export function recallEarlier(
  storyline: Storyline,
  records: readonly MentionRecord[],
  articles: readonly Article[],
  max: number,
): RecalledEvent[] {
  if (storyline.events.length === 0) return [];
  return rankEvents([storyline], records, articles)
    .filter((r) => r.quality === 1 && isTimelineDated(r, undefined))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, max)
    .map((r) => ({ day: r.event.date.start as string, ...cited(r), text: shownText(r) }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** A dispute of more values than this is a figure that moved (a toll, a total), not a dispute. */
const MAX_DISPUTED_VALUES = 2;

function entryOf(r: RankedEvent): TimelineEntry {
  const start = r.event.date.start as string;
  const end = r.event.date.end as string;
  const evidence = r.event.date.evidence[0];
  // How the day was read is worth a line only when no digit of it was written: "on Wednesday".
  const relative = evidence && !/\d/.test(evidence.text) && !isReportDated(evidence);
  const disputes = (r.event.disputed ?? []).filter((d) => d.claims.length <= MAX_DISPUTED_VALUES);
  return {
    day: start,
    until: end,
    precision: start === end ? "day" : daysBetween(start, end) <= 6 ? "week" : "month",
    eventId: r.event.id,
    storylineId: r.storylineId,
    text: shownText(r),
    articleIds: articleIdsOf(r),
    ...(relative ? { dateNote: `from ‘${evidence.text}’` } : {}),
    ...(disputes.length > 0 ? { disputes } : {}),
    sources: r.publishers,
    rank: r.rank,
    score: Math.round(r.score * 1000) / 1000,
  };
}

/** An event's sentence as the timeline, the lede and the caveats show it, under its day. */
function shownText(r: RankedEvent): string {
  return withoutOpeningDate(r.event.summary, r.event.date.start ?? "");
}

/**
 * An entry of a journalist's chronology ("April 22 - The rig sinks.") without the date it opens
 * with, when that is the entry's `day`: the timeline lists it under that day already.
 */
export function withoutOpeningDate(text: string, day: string): string {
  const opening = openingOfDay(text, day);
  const rest = text.slice(opening);
  return opening > 0 && rest.length > 0 ? rest.charAt(0).toUpperCase() + rest.slice(1) : text;
}

/** Disputes, then single-source claims of substance, among the events the timeline leaves out. */
function caveatsOf(disputed: readonly RankedEvent[], single: readonly RankedEvent[]): Caveat[] {
  const caveat = (kind: Caveat["kind"]) => (r: RankedEvent) => ({
    eventId: r.event.id,
    kind,
    text: shownText(r),
    articleIds: articleIdsOf(r),
  });
  return [...disputed.map(caveat("disputed")), ...single.map(caveat("single-source"))];
}
