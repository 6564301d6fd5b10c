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
/** The widest date range an entry may have: a week, a day or a week being a date a reader can use. */
const MAX_RANGE_DAYS = 7;
/**
 * The widest for an event two publishers report, ranked below days and weeks: a month ("talks
 * on Wednesday" in an article whose own day is known to a month) is worth a place only when
 * the event is news to more than one outlet.
 */
const MAX_CORROBORATED_RANGE_DAYS = 30;

/** Whether an event is dated well enough to be a timeline entry (see {@link MAX_RANGE_DAYS}). */
export function isEntryDated(event: RankedEvent["event"]): boolean {
  const { start, end } = event.date;
  if (start === null || end === null) return false;
  const days = daysBetween(start, end);
  return (
    days <= MAX_RANGE_DAYS || (days <= MAX_CORROBORATED_RANGE_DAYS && event.corroboration >= 2)
  );
}

/**
 * Entries per day in a reading budget, at most: a timeline spreads over days first, and a day
 * takes another entry only once every day has one, from a report it has not cited yet (a digest
 * of a day or two is not one line, nor one article's every line).
 */
const DEFAULT_PER_DAY = Number.POSITIVE_INFINITY;
/** Words an entry costs besides its sentence: its sources, its place under the day. */
const ENTRY_OVERHEAD_WORDS = 3;
/** Days either side of a day whose publications it is weighed against. */
const WEEK_DAYS = 7;
/** Budget left below which no entry fits: a date and a short sentence. */
const MIN_ENTRY_WORDS = 10;

/**
 * The timeline's entries: the events dated to a day or a week, a month at most when two
 * publishers report them ({@link isEntryDated}; within the window, of the allowed storylines,
 * standing alone as sentences), a busy day's re-scored by how central each is among its
 * reports, chosen by maximal marginal relevance (an event's score discounted by its wording's
 * overlap with those already chosen and by a neighbouring day already told; near-repeats
 * skipped) until the budget is spent. Returned in reading order: by day, then by rank.
 */
export function selectTimeline(
  ranked: readonly RankedEvent[],
  options: SelectTimelineOptions,
): RankedEvent[] {
  const eligible = ranked.filter((r) => r.quality >= MIN_QUALITY && dated(r, options));
  const chosen =
    options.budget.kind === "words"
      ? byWords(
          eligible,
          options.budget.words,
          options.budget.perDay ?? DEFAULT_PER_DAY,
          options.publishedPerDay,
        )
      : byDates(eligible, options.budget.dates, options.budget.perDate, options.publishedPerDay);
  return chosen.sort(
    (a, b) =>
      compareText(a.event.date.start as string, b.event.date.start as string) || a.rank - b.rank,
  );
}

/** Days an event's date spans: 1 for a day. */
function width(r: RankedEvent): number {
  return daysBetween(r.event.date.start as string, r.event.date.end as string) + 1;
}

function dated(r: RankedEvent, options: SelectTimelineOptions): boolean {
  if (!isEntryDated(r.event)) return false;
  const { start, end } = r.event.date as { start: string; end: string };
  if (options.window && (start < options.window.from || end > options.window.to)) return false;
  return !options.storylines || options.storylines.has(r.storylineId);
}

/**
 * A chooser by maximal marginal relevance that remembers what it chose: each call takes up to
 * `limit` of its candidates (best first), each valued by its score discounted by its wording's
 * overlap with everything chosen so far and weighed by `worth` (at most 1), near-repeats skipped,
 * and those that do not fit dropped.
 */
function picker(worth: (r: RankedEvent) => number) {
  const chosenWords: Set<string>[] = [];
  return (
    candidates: readonly RankedEvent[],
    limit: number,
    fits: (r: RankedEvent) => boolean,
  ): RankedEvent[] => {
    const chosen: RankedEvent[] = [];
    const left = new Map(candidates.map((r) => [r, contentWords(r.event.summary)]));
    while (chosen.length < limit && left.size > 0) {
      // Candidates come best first and their value never exceeds their score: stop scanning once
      // the next score cannot beat the best value found.
      let best: RankedEvent | undefined;
      let bestValue = 0;
      for (const [r, own] of left) {
        if (r.score <= bestValue) break;
        let overlap = 0;
        for (const other of chosenWords) overlap = Math.max(overlap, jaccard(own, other));
        if (overlap >= REPEAT_SIMILARITY || !fits(r)) {
          left.delete(r);
          continue;
        }
        const value = r.score * (1 - overlap) * worth(r);
        if (value > bestValue) {
          best = r;
          bestValue = value;
        }
      }
      if (!best) break;
      chosenWords.push(left.get(best) as Set<string>);
      left.delete(best);
      chosen.push(best);
    }
    return chosen;
  };
}

function byWords(
  all: readonly RankedEvent[],
  budget: number,
  perDay: number,
  publishedPerDay: ReadonlyMap<string, number> = new Map(),
) {
  let spent = 0;
  const cost = (r: RankedEvent) => wordCount(r.event.summary) + ENTRY_OVERHEAD_WORDS;
  return byDay(rankDays(all, publishedPerDay), {
    perDay: 1,
    rounds: perDay,
    // What an entry tells for the words it costs: of two reports of a day, the shorter is
    // preferred unless the longer is worth more by the square root of their lengths.
    worth: (r) => Math.min(1, Math.sqrt(ENTRY_OVERHEAD_WORDS / cost(r))),
    fits: (r) => spent + cost(r) <= budget,
    chose: (r) => {
      spent += cost(r);
    },
    done: () => budget - spent < MIN_ENTRY_WORDS,
  });
}

function byDates(
  candidates: readonly RankedEvent[],
  dates: number,
  perDate: number,
  publishedPerDay: ReadonlyMap<string, number> = new Map(),
) {
  const days = rankDays(
    candidates.filter((r) => r.event.date.start === r.event.date.end),
    publishedPerDay,
  );
  return byDay(days, { perDay: perDate, fits: () => true, maxDays: dates, spread: false });
}

/**
 * Takes the days in their order, each told by up to `perDay` of its events (the most central
 * first, by maximal marginal relevance against everything chosen), until `maxDays` are told or
 * `done`. A day next to
 * one already told waits until every other day has had its turn: a timeline spreads over time
 * before it fills in.
 */
function byDay(
  days: readonly (readonly [string, RankedEvent[]])[],
  options: {
    perDay: number;
    fits: (r: RankedEvent) => boolean;
    chose?: (r: RankedEvent) => void;
    /** Stop once this many days are told. */
    maxDays?: number;
    /** Stop when this turns true (a budget spent). */
    done?: () => boolean;
    /** Whether a day next to one told waits (the default). */
    spread?: boolean;
    /**
     * Tell each day one entry at a time, in up to this many rounds (`perDay` ignored): every
     * day has its first entry before any has its second. Default: `perDay` entries at once.
     */
    rounds?: number;
    worth?: (r: RankedEvent) => number;
  },
): RankedEvent[] {
  const pick = picker(options.worth ?? (() => 1));
  const chosen: RankedEvent[] = [];
  const told = new Set<string>();
  const later: (readonly [string, RankedEvent[]])[] = [];
  const order: (readonly [string, RankedEvent[]])[] = [];
  const tell = (day: string, list: RankedEvent[], limit: number) => {
    const got = pick(byCentrality(list), limit, options.fits);
    for (const r of got) options.chose?.(r);
    if (got.length === 0) return;
    if (!told.has(day)) order.push([day, list]);
    told.add(day);
    chosen.push(...got);
  };
  const done = () =>
    told.size >= (options.maxDays ?? Number.POSITIVE_INFINITY) || (options.done?.() ?? false);
  const first = options.rounds === undefined ? options.perDay : 1;
  for (const entry of days) {
    if (done()) return chosen;
    const [day, list] = entry;
    if (options.spread !== false && (told.has(shiftDay(day, -1)) || told.has(shiftDay(day, 1))))
      later.push(entry);
    else tell(day, list, first);
  }
  for (const [day, list] of later) {
    if (done()) return chosen;
    tell(day, list, first);
  }
  // Further rounds, while the budget lasts: each told day, in the order told, takes one more
  // entry from a report it has not cited yet (breadth of sources, not one article's every line).
  for (let round = 1; round < (options.rounds ?? 1); round++) {
    const before = chosen.length;
    for (const [day, list] of order) {
      if (options.done?.()) return chosen;
      // Entries are chosen from re-scored copies: they are told apart by their events.
      const ids = new Set(list.map((r) => r.event));
      const taken = new Set(chosen.map((r) => r.event));
      const cited = new Set(
        chosen
          .filter((r) => ids.has(r.event))
          .flatMap((r) => r.event.mentions.map((m) => m.articleId)),
      );
      const left = list.filter(
        (r) => !taken.has(r.event) && r.event.mentions.some((m) => !cited.has(m.articleId)),
      );
      if (left.length > 0) tell(day, left, 1);
    }
    if (chosen.length === before) break;
  }
  return chosen;
}

/**
 * The days of the candidates (each under its first day), most newsworthy first. A day is worth
 * the attention it gets (articles dating something to it), ranked twice: as it is, and against
 * the articles published in the week either side, so that a day singled out of a quiet spell is
 * not lost among the busy weeks; the two ranks are added, ties going to the better best event.
 */
function rankDays(
  candidates: readonly RankedEvent[],
  publishedPerDay: ReadonlyMap<string, number>,
): [string, RankedEvent[]][] {
  const byDay = new Map<string, RankedEvent[]>();
  for (const r of candidates) addTo(byDay, r.event.date.start as string, r);
  // An event of a week shares its attention out over its days.
  const attention = new Map(
    [...byDay].map(([day, list]) => [day, Math.max(...list.map((r) => r.attention / width(r)))]),
  );
  const week = (day: string) => {
    let n = 0;
    for (let d = -WEEK_DAYS; d <= WEEK_DAYS; d++) n += publishedPerDay.get(shiftDay(day, d)) ?? 0;
    return n;
  };
  // Days of equal value share a rank. Each day's value is worked out once, not per comparison.
  const rankBy = (value: (day: string) => number) => {
    const values = new Map([...byDay.keys()].map((day) => [day, value(day)]));
    const of = (day: string) => values.get(day) as number;
    const ranks = new Map<string, number>();
    const sorted = [...byDay.keys()].sort((a, b) => of(b) - of(a) || compareText(a, b));
    sorted.forEach((day, i) => {
      const before = sorted[i - 1];
      ranks.set(
        day,
        before !== undefined && of(before) === of(day) ? (ranks.get(before) as number) : i,
      );
    });
    return ranks;
  };
  const plain = rankBy((day) => attention.get(day) ?? 0);
  const relative = rankBy((day) => (attention.get(day) ?? 0) / (week(day) + 1));
  const fused = new Map(
    [...byDay.keys()].map((day) => [day, (plain.get(day) ?? 0) + (relative.get(day) ?? 0)]),
  );
  const best = new Map(
    [...byDay].map(([day, list]) => [day, Math.max(...list.map((r) => r.score))]),
  );
  const at = (values: ReadonlyMap<string, number>, day: string) => values.get(day) as number;
  return [...byDay].sort(
    ([a], [b]) => at(fused, a) - at(fused, b) || at(best, b) - at(best, a) || compareText(a, b),
  );
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
