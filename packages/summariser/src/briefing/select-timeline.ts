import { daysBetween, shiftDay } from "@briefing/core";
import { addTo } from "../shared/add-to.js";
import { compareText } from "../shared/compare-text.js";
import type { RankedEvent } from "./rank-events.js";

/**
 * How much timeline to select: a reading budget in words (what `brief` ships), or the
 * Timeline17 protocol's fixed budget of `dates` days with `perDate` entries each (what
 * `eval:tls` scores). Both are the same ranked selection.
 */
export type TimelineBudget =
  | { kind: "words"; words: number; perDay?: number }
  | { kind: "dates"; dates: number; perDate: number };

/** Options of {@link selectTimeline}. */
export interface SelectTimelineOptions {
  budget: TimelineBudget;
  /** First and last day an entry may fall on. */
  window?: { from: string; to: string };
  /** The storylines entries may come from; default all. */
  storylines?: ReadonlySet<string>;
  /** Articles published each day: a day that stands out of a quiet week ranks higher. */
  publishedPerDay?: ReadonlyMap<string, number>;
}

/** Entries whose wording shares this much with one already chosen are the same news again. */
const REPEAT_SIMILARITY = 0.6;
/** Sentences worth less than this as entries ({@link sentenceQuality}) are not shown. */
const MIN_QUALITY = 0.5;
/** The widest date range an entry may have: a month (ranked below days and weeks). */
export const MAX_RANGE_DAYS = 30;
/** Entries per day in a reading budget: a timeline spreads over days. */
const DEFAULT_PER_DAY = 1;
/** Words an entry costs besides its sentence: its sources, its place under the day. */
const ENTRY_OVERHEAD_WORDS = 3;
/** Days either side of a day whose publications it is weighed against. */
const WEEK_DAYS = 7;
/** What an entry on the day before or after one already chosen is worth. */
const ADJACENT_DAY_DISCOUNT = 0.7;

/**
 * The timeline's entries: the events dated to a day or a week, a month at most (within the
 * window, of the allowed storylines, standing alone as sentences), a busy day's re-scored by how
 * central each is among its reports, chosen by maximal marginal relevance (an event's score
 * discounted by its wording's overlap with those already chosen and by a neighbouring day already
 * told; near-repeats skipped) until the budget is spent. Returned in reading order: by day, then
 * by rank.
 */
export function selectTimeline(
  ranked: readonly RankedEvent[],
  options: SelectTimelineOptions,
): RankedEvent[] {
  const eligible = ranked.filter((r) => r.quality >= MIN_QUALITY && dated(r, options));
  const chosen =
    options.budget.kind === "words"
      ? byWords(eligible, options.budget.words, options.budget.perDay ?? DEFAULT_PER_DAY)
      : byDates(eligible, options.budget.dates, options.budget.perDate, options.publishedPerDay);
  return chosen.sort(
    (a, b) =>
      compareText(a.event.date.start as string, b.event.date.start as string) || a.rank - b.rank,
  );
}

function dated(r: RankedEvent, options: SelectTimelineOptions): boolean {
  const { start, end } = r.event.date;
  if (start === null || end === null || daysBetween(start, end) > MAX_RANGE_DAYS) return false;
  if (options.window && (start < options.window.from || end > options.window.to)) return false;
  return !options.storylines || options.storylines.has(r.storylineId);
}

/**
 * Chooses by maximal marginal relevance until `limit` or until nothing fits. `fits` may only turn
 * from true to false as entries are chosen (a budget spent, a day filled), so a candidate that
 * does not fit is dropped for good; `chose` is told of each choice.
 */
function greedy(
  candidates: readonly RankedEvent[],
  limit: number,
  fits: (r: RankedEvent) => boolean,
  chose: (r: RankedEvent) => void = () => {},
): RankedEvent[] {
  const chosen: RankedEvent[] = [];
  const chosenWords: Set<string>[] = [];
  const chosenDays = new Set<string>();
  const words = new Map<RankedEvent, Set<string>>();
  const wordsOf = (r: RankedEvent) => {
    let set = words.get(r);
    if (!set) {
      set = contentWords(r.event.summary);
      words.set(r, set);
    }
    return set;
  };
  const left = new Set(candidates);
  while (chosen.length < limit && left.size > 0) {
    // Candidates come best first and their value never exceeds their score: stop scanning once
    // the next score cannot beat the best value found.
    let best: RankedEvent | undefined;
    let bestValue = 0;
    for (const r of left) {
      if (r.score <= bestValue) break;
      if (!fits(r)) {
        left.delete(r);
        continue;
      }
      const own = wordsOf(r);
      let overlap = 0;
      for (const other of chosenWords) overlap = Math.max(overlap, jaccard(own, other));
      if (overlap >= REPEAT_SIMILARITY) {
        left.delete(r);
        continue;
      }
      // A day next to one already told adds less than a day apart: timelines spread over time.
      const day = r.event.date.start as string;
      const near = chosenDays.has(shiftDay(day, -1)) || chosenDays.has(shiftDay(day, 1));
      const value = r.score * (1 - overlap) * (near ? ADJACENT_DAY_DISCOUNT : 1);
      if (value > bestValue) {
        best = r;
        bestValue = value;
      }
    }
    if (!best) break;
    left.delete(best);
    chosen.push(best);
    chosenWords.push(wordsOf(best));
    chosenDays.add(best.event.date.start as string);
    chose(best);
  }
  return chosen;
}

function byWords(all: readonly RankedEvent[], budget: number, perDay: number) {
  const days = new Map<string, RankedEvent[]>();
  for (const r of all) addTo(days, r.event.date.start as string, r);
  const candidates = [...days.values()]
    .flatMap(byCentrality)
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
  let spent = 0;
  const perDayCount = new Map<string, number>();
  const cost = (r: RankedEvent) => wordCount(r.event.summary) + ENTRY_OVERHEAD_WORDS;
  return greedy(
    candidates,
    Number.POSITIVE_INFINITY,
    (r) =>
      spent + cost(r) <= budget && (perDayCount.get(r.event.date.start as string) ?? 0) < perDay,
    (r) => {
      spent += cost(r);
      const day = r.event.date.start as string;
      perDayCount.set(day, (perDayCount.get(day) ?? 0) + 1);
    },
  );
}

function byDates(
  candidates: readonly RankedEvent[],
  dates: number,
  perDate: number,
  publishedPerDay: ReadonlyMap<string, number> = new Map(),
) {
  // Days of events dated to the day, valued by their best event.
  const byDay = new Map<string, RankedEvent[]>();
  for (const r of candidates)
    if (r.event.date.start === r.event.date.end) addTo(byDay, r.event.date.start as string, r);
  // A day is worth the attention it gets (articles dating something to it), ranked twice: as it
  // is, and against the articles published in the week either side, so that a day singled out of
  // a quiet spell is not lost among the busy weeks; the two ranks are added.
  const attention = new Map(
    [...byDay].map(([day, list]) => [day, Math.max(...list.map((r) => r.attention))]),
  );
  const week = (day: string) => {
    let n = 0;
    for (let d = -WEEK_DAYS; d <= WEEK_DAYS; d++) n += publishedPerDay.get(shiftDay(day, d)) ?? 0;
    return n;
  };
  const rankBy = (value: (day: string) => number) =>
    new Map(
      [...byDay.keys()]
        .sort((a, b) => value(b) - value(a) || compareText(a, b))
        .map((day, i) => [day, i]),
    );
  const plain = rankBy((day) => attention.get(day) ?? 0);
  const relative = rankBy((day) => (attention.get(day) ?? 0) / (week(day) + 1));
  const fused = (day: string) => (plain.get(day) ?? 0) + (relative.get(day) ?? 0);
  const days = [...byDay]
    .sort(
      ([a, x], [b, y]) =>
        fused(a) - fused(b) || (y[0]?.score ?? 0) - (x[0]?.score ?? 0) || compareText(a, b),
    )
    .slice(0, dates);
  return days.flatMap(([, list]) => greedy(byCentrality(list), perDate, () => true));
}

/**
 * A day's events re-scored by how central their wording is among that day's reports (the sum of
 * their overlaps with the others): the sentence most of a day's reports agree with tells it best.
 */
function byCentrality(list: readonly RankedEvent[]): RankedEvent[] {
  if (list.length < 3) return [...list];
  const words = list.map((r) => contentWords(r.event.summary));
  return list
    .map((r, i) => {
      let central = 0;
      words.forEach((other, j) => {
        if (j !== i) central += jaccard(words[i] as Set<string>, other);
      });
      return { ...r, score: r.score * (1 + central) };
    })
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
}

const STOPWORDS = new Set(
  "the and for that with from this was were has have had are but not its his her their they will would said says into over after about than been more also who which when where".split(
    " ",
  ),
);

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Words of a sentence as a reader counts them. */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}
