import type { DateEstimate, DateEvidence } from "../model/date-estimate.js";
import { type CandidateDate, MONTH_PATTERN } from "./candidate-date.js";
import { findChronoExpressions } from "./chrono-expressions.js";
import type { Tense } from "./detect-tense.js";
import { findNewsExpressions } from "./news-expressions.js";
import { precisionOfSpan } from "./precision-of-span.js";

/**
 * The day (or range of days) expressions are read against: usually the article's publication
 * date. A range (an article known only to a week) widens every result honestly.
 */
export interface DateReference {
  start: string;
  end: string;
  /** How the reference was found, carried into each result's evidence. */
  evidence?: string;
}

/** A temporal expression found in a text and the dates it stands for. */
export interface ResolvedDate {
  /** Character offset of the expression in the text. */
  index: number;
  text: string;
  tense: Tense;
  estimate: DateEstimate;
}

const WIDENED = 0.8;

/**
 * Finds every temporal expression in `text` and resolves it under news conventions against
 * `reference` (a `YYYY-MM-DD` day or a {@link DateReference}). Pure: the caller passes the
 * reference; nothing reads the clock.
 *
 * @example
 * resolveDates("The talks were held on Wednesday.", "2021-08-26")[0].estimate
 * // { start: "2021-08-25", end: "2021-08-25", precision: "day", evidence: [...], confidence: 0.8 }
 */
export function resolveDates(text: string, reference: string | DateReference): ResolvedDate[] {
  const ref = typeof reference === "string" ? { start: reference, end: reference } : reference;
  const early = readAll(text, ref.start);
  const late = ref.end === ref.start ? early : readAll(text, ref.end);
  const lateByKey = new Map(late.map((c) => [`${c.index}:${c.text}`, c]));
  const resolved: ResolvedDate[] = [];
  for (const first of early) {
    const second = lateByKey.get(`${first.index}:${first.text}`) ?? first;
    const start = [first.start, second.start].sort()[0] as string;
    const end = [first.end, second.end].sort()[1] as string;
    const widened = start !== first.start || end !== first.end;
    const evidence: DateEvidence[] = [{ text: first.text, rule: first.rule }];
    // The reference as an ISO 8601 interval ("2021-08-25/2021-08-26"), then what it rests on.
    evidence.push({
      text: ref.start === ref.end ? ref.start : `${ref.start}/${ref.end}`,
      rule: "reference",
    });
    if (ref.evidence) evidence.push({ text: ref.evidence, rule: "reference-basis" });
    resolved.push({
      index: first.index,
      text: first.text,
      tense: first.tense,
      estimate: {
        start,
        end,
        precision: precisionOfSpan(start, end),
        evidence,
        confidence: round(Math.min(first.confidence, second.confidence) * (widened ? WIDENED : 1)),
      },
    });
  }
  return resolved;
}

/** News rules first; chrono's reading where no news rule matched; fallback rules where nothing did. */
function readAll(text: string, day: string): CandidateDate[] {
  const outside = (taken: CandidateDate[]) => (c: CandidateDate) =>
    !taken.some((n) => c.index < n.index + n.text.length && n.index < c.index + c.text.length);
  // A reading that is no date takes no room from another reader's.
  const dates = (found: CandidateDate[]) =>
    found.filter((c) => isDate(c) && !inHyphenatedName(c, text) && !inPersonName(c, text));
  const news = dates(findNewsExpressions(text, day));
  const first = [...news, ...dates(findChronoExpressions(text, day)).filter(outside(news))];
  const all = [
    ...first,
    ...dates(findNewsExpressions(text, day, { fallback: true })).filter(outside(first)),
  ];
  return dedupe(all.sort((a, b) => a.index - b.index || b.text.length - a.text.length));
}

/**
 * What follows an expression that makes it part of a hyphenated name: a letter straight after a
 * hyphen ("Mar-a-Lago"), or a lower-case word after a spaced one ("Mar - a - Lago"); "June 2 - BP
 * works on a cap" is a chronology's entry.
 */
const HYPHENATED_NAME = /^(?:-\p{L}|\s?-\s?\p{Ll})/u;

function inHyphenatedName(c: CandidateDate, text: string): boolean {
  const own = c.text.replace(/\s?-\s?$/, "");
  return HYPHENATED_NAME.test(text.slice(c.index + own.length));
}

/** A month's name alone, as chrono reads one: "June", "Aug.". */
const BARE_MONTH = new RegExp(`^${MONTH_PATTERN}\\.?$`, "i");
/** Words before a month that make it a time: "in June", "since April", "early May". */
const TIME_WORDS =
  /\b(?:in|on|since|until|till|by|during|of|from|to|through|before|after|early|mid|late|last|next|this|that|the|each|every|and|or)[\s-]*$/i;

/**
 * Whether a month's name alone is part of a person's name: a capitalised word right before it
 * ("Theresa May", "Brian May") or after it ("June Carter", "April Ryan"), with no word of time
 * before it ("In June Obama visited the coast" is a month).
 */
function inPersonName(c: CandidateDate, text: string): boolean {
  if (!BARE_MONTH.test(c.text)) return false;
  const before = text.slice(Math.max(0, c.index - 20), c.index);
  if (TIME_WORDS.test(before)) return false;
  return (
    /\p{Lu}\p{Ll}+\s+$/u.test(before) ||
    /^\s+\p{Lu}\p{Ll}/u.test(text.slice(c.index + c.text.length))
  );
}

/** A month's name written in lower case: a verb or a word ("march", "may"), not a month. */
const LOWER_MONTH = new RegExp(`(?<!\\p{L})${MONTH_PATTERN}(?!\\p{L})`, "u");

/**
 * Whether a candidate is a date at all: not a month read from a lower-case word ("Thousands
 * march on the capital"), and not a year before 1 ("7000 years ago" is history, not a day).
 */
function isDate(c: CandidateDate): boolean {
  if (LOWER_MONTH.test(c.text)) return false;
  return /^\d{4}-/.test(c.start) && c.start >= "0001-01-01";
}

function dedupe(candidates: CandidateDate[]): CandidateDate[] {
  const kept: CandidateDate[] = [];
  for (const candidate of candidates) {
    const last = kept[kept.length - 1];
    if (last && candidate.index < last.index + last.text.length) continue;
    kept.push(candidate);
  }
  return kept;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
