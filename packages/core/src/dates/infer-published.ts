import { type DateEstimate, type DateEvidence, UNKNOWN_DATE } from "../model/date-estimate.js";
import { shiftDay } from "./calendar-day.js";
import { MONTH_OR_NUMERIC_DATE } from "./candidate-date.js";
import { sentenceAround } from "./detect-tense.js";
import { periodOf } from "./period-of.js";
import { precisionOfSpan } from "./precision-of-span.js";
import { type DateReference, type ResolvedDate, resolveDates } from "./resolve-dates.js";

/** Options for {@link inferPublished}. */
export interface InferPublishedOptions {
  /**
   * When the article might have been written, as other articles of the corpus suggest: it gives
   * yearless dates ("On August 15") their year. Its `evidence` says where it comes from.
   */
  context?: DateReference;
  /** How long after the latest event it reports an article is assumed written. Default 30 days. */
  horizonDays?: number;
}

const STATED_YEAR = /\b(?:1[5-9]|20)\d\d\b/;
// A day needs a month beside its year: by name, or in a numeric date.
const MAY_NAME_DAY = new RegExp(MONTH_OR_NUMERIC_DATE, "i");
// Any reference will do for dates that state their year; this one is never shown.
const NEUTRAL_REFERENCE = "2000-01-01";
const YEARLESS_RULES = /^(day-month|day-range)/;

/**
 * The date expressions of a text that state their year ("August 31, 2021", "in 1998"): the ones
 * that mean the same whatever the text's own date, so they can be read when that is unknown.
 */
export function resolveStatedDates(text: string): ResolvedDate[] {
  return readStatedDates(text, (line) => STATED_YEAR.test(line));
}

/**
 * The days of a text that state their year ("August 31, 2021", "31/08/2021"): its
 * {@link resolveStatedDates} known to the day. Only a line with a month, by name or in a numeric
 * date, is read: a year alone ("in 1998", "the 1987 budget") never gives a day.
 */
export function statedDays(text: string): ResolvedDate[] {
  return readStatedDates(text, (line) => STATED_YEAR.test(line) && MAY_NAME_DAY.test(line)).filter(
    (r) => r.estimate.precision === "day",
  );
}

/** Whether the expression states the year it was read as ("at 1530 hrs" is no year 1530). */
function statesItsYear(read: ResolvedDate): boolean {
  const year = read.estimate.start?.slice(0, 4);
  return year !== undefined && STATED_YEAR.test(read.text) && read.text.includes(year);
}

function readStatedDates(text: string, mayHold: (line: string) => boolean): ResolvedDate[] {
  // A cheap test first: most lines state no year, and reading dates is the costly part. Lines
  // are read alone (no sentence runs across a line break), with offsets into the whole text.
  const found: ResolvedDate[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (mayHold(line))
      for (const r of resolveDates(line, NEUTRAL_REFERENCE))
        if (statesItsYear(r)) found.push({ ...r, index: r.index + start });
    start += line.length + 1;
  }
  return found;
}

/**
 * Days a text pins down: those that state their year, and, read against a `context`, yearless
 * days and months too ("On August 15").
 */
function dayAnchors(text: string, context: DateReference | undefined): ResolvedDate[] {
  if (!context) return statedDays(text);
  return resolveDates(text, context).filter(
    (r) =>
      r.estimate.precision === "day" &&
      (statesItsYear(r) || YEARLESS_RULES.test(r.estimate.evidence[0]?.rule ?? "")),
  );
}

/**
 * The publication date of an article that states none, inferred from its own dates: not before
 * the latest day it reports as past, not after the first day it announces as still to come, and
 * within `horizonDays` of that latest past day (news reports recent events). Yearless days count
 * only with a `context`. With no dated anchor, the context itself (low confidence), else unknown.
 *
 * @example
 * inferPublished("Fighting broke out on August 31, 2021.")
 * // { start: "2021-08-31", end: "2021-09-30", precision: "month", confidence: 0.4, evidence: [...] }
 */
export function inferPublished(text: string, options: InferPublishedOptions = {}): DateEstimate {
  const { context } = options;
  const horizon = options.horizonDays ?? 30;
  const read = dayAnchors(text, context);
  const latest = latestPast(read);
  if (!latest?.estimate.start) return context ? contextOnly(context) : UNKNOWN_DATE;
  const start = latest.estimate.start;
  const ahead = read
    .filter((r) => r.tense === "future" && (r.estimate.end ?? "") >= start)
    .map((r) => r.estimate.end as string)
    .sort()[0];
  const limit = shiftDay(start, horizon);
  let end = ahead !== undefined && ahead < limit ? ahead : limit;
  const yearless = !STATED_YEAR.test(latest.text);
  const evidence: DateEvidence[] = [
    { text: latest.text, rule: "inferred:latest-past-date" },
    ahead !== undefined && ahead < limit
      ? { text: `not after ${ahead}, a date the text announces`, rule: "inferred:announced-date" }
      : { text: `within ${horizon} days of it`, rule: "inferred:news-horizon" },
  ];
  if (yearless && context?.evidence)
    evidence.push({ text: context.evidence, rule: "inferred:corpus-context" });
  // A period named beside a dated day ("earlier this month, on August 5") says which month or
  // year the text was written in: the range keeps the part of it that agrees.
  let narrowed = start;
  for (const period of periodsBeside(text, read)) {
    // ISO days: the later of the starts, the earlier of the ends.
    const from = [narrowed, period.range[0]].sort()[1] as string;
    const to = [end, period.range[1]].sort()[0] as string;
    if (from > to) continue;
    [narrowed, end] = [from, to];
    evidence.push({ text: period.text, rule: "inferred:period-beside-date" });
  }
  return {
    start: narrowed,
    end,
    precision: precisionOfSpan(narrowed, end),
    evidence,
    confidence: yearless ? 0.3 : 0.4,
  };
}

/** A month or year named relative to the time of writing: "this month", "last year". */
const RELATIVE_PERIOD = /\b(?:earlier |later )?(this|last) (month|year)\b/gi;

/**
 * The periods a text was written in, as told by a relative period and a dated day in one sentence:
 * "earlier this month, on August 5" puts the writing in August; "last month's July 20 vote" in
 * August; "this year" and "last year" likewise by year.
 */
function periodsBeside(
  text: string,
  read: readonly ResolvedDate[],
): { text: string; range: [string, string] }[] {
  const found: { text: string; range: [string, string] }[] = [];
  for (const match of text.matchAll(RELATIVE_PERIOD)) {
    const { sentence, offset } = sentenceAround(text, match.index, match.index + match[0].length);
    const [from, to] = [offset, offset + sentence.length];
    const day = read.find(
      (r) => r.index >= from && r.index < to && r.estimate.start === r.estimate.end,
    )?.estimate.start;
    if (!day) continue;
    // Written "last month", the day's month is the one before the writing's.
    const back = (match[1] ?? "").toLowerCase() === "last" ? 1 : 0;
    found.push({ text: match[0], range: periodOf(match[2] ?? "", day, back) });
  }
  return found;
}

/** The latest day a text reports as past, with the expression that says it. */
export function latestPastDate(text: string): ResolvedDate | undefined {
  return latestPast(dayAnchors(text, undefined));
}

function latestPast(read: readonly ResolvedDate[]): ResolvedDate | undefined {
  return maxBy(
    read.filter((r) => r.tense !== "future"),
    (r) => r.estimate.start ?? "",
  );
}

function contextOnly(context: DateReference): DateEstimate {
  const evidence: DateEvidence[] = [
    { text: `${context.start}/${context.end}`, rule: "inferred:corpus-context" },
  ];
  if (context.evidence) evidence.push({ text: context.evidence, rule: "reference-basis" });
  return {
    start: context.start,
    end: context.end,
    precision: precisionOfSpan(context.start, context.end),
    evidence,
    confidence: 0.2,
  };
}

function maxBy<T>(items: readonly T[], key: (item: T) => string): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || key(item) > key(best)) best = item;
  return best;
}
