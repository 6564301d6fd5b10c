import type * as types from "chrono-node";
import { Chrono, configuration } from "chrono-node/en";
import { makeDay, monthRange, shiftDay, weekdayOf, yearRange } from "./calendar-day.js";
import { type CandidateDate, MONTH_OR_NUMERIC_DATE } from "./candidate-date.js";
import { type Tense, tenseAt } from "./detect-tense.js";
import { isCalendarDate } from "./is-calendar-date.js";
import { yearOfMonth, yearOfMonthDay } from "./year-of-month-day.js";

type Range = [string, string];
type Component = types.ParsedComponents;

// Words that name a day or a period: weekdays, "today", "week", "ago", "morning"... (a digit may
// touch them: "2weeks ago", "september2001").
const DAY_OR_PERIOD =
  "(?<![a-z])(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?<![a-z])(?:today|tonight|yesterday|tomorrow|week|weekend|month|year|ago|morning|afternoon|evening|night|noon|midnight)";
// Chrono also reads words such as "lasts" or "may" as dates; a date has a digit or a date word.
const DATE_WORD = new RegExp(
  `\\d|${DAY_OR_PERIOD}|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
  "i",
);
// What a sentence needs for chrono to find such a date in it (reading a sentence is the cost): a
// date word, with month names as whole words ("market", "decline" and "separate" are not months);
// or digits in a shape one of chrono's parsers reads as a date: a count of time units ("in 60
// days", "72 hrs"), a numeric date ("5/8/1987", "1987-04-07", "12.03.87") or a month and year
// ("04/1987"). Figures alone ("rose 5/8 to 41-1/4", "10 mln dlrs") are not read.
const TIME_UNIT =
  "s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|mon|mos|months?|qtr|quarters?|y|yr|years?";
const MAY_HOLD_DATE = new RegExp(
  `${DAY_OR_PERIOD}|${MONTH_OR_NUMERIC_DATE}|\\d\\s{0,3}(?:${TIME_UNIT})\\b|\\d/\\d{4}`,
  "i",
);
// "In the year" is not "in a year"; "for three days" and "the past 30 years" are durations, not
// dates; "two days later" and "16 years before" count from the story's own moment, not from the
// day the article was written; "in five years" is as often a span ("the second setback in five
// years", "the lowest in 18 months") as a time to come, and never a day, also when chrono reads a
// figure after it as a clock time ("its lowest level in five years at 8,579").
const UNITS = "(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)";
const DURATION = new RegExp(
  `^(?:for|after|within|over|during|about|nearly|almost|some)\\s+(?:\\S+\\s+){0,2}${UNITS}$` +
    `|^in the (?:day|week|month|year)$` +
    `|^(?:the\\s+)?(?:past|last|previous|next|coming|first|final)\\s+(?:\\S+\\s+){1,2}${UNITS}$` +
    `|^(?:\\S+\\s+){0,3}${UNITS}\\s+(?:later|after|afterwards?|on|before|earlier|out)$` +
    `|^in (?:\\S+\\s+){0,2}(?:years?|decades?)(?:$|\\s+at\\s)|^in (?:1[2-9]|[2-9]\\d|\\d{3,}) months$|^[-–]`,
  "i",
);
// A year chrono read must be written: four digits, or two after an apostrophe or in a numeric
// date ("May, 60 percent" is no May 1960).
const WRITTEN_YEAR = /\d{4}|['’]\d\d\b|\d[/.-]\d{1,2}[/.-]\d\d\b/;

/**
 * chrono's casual English parser, with its parsers' strict variants where it has them: counts of
 * time units are read with their units spelled out ("3 days ago", not "3d ago"), years, months and
 * days in that order, and times need their minutes or "am"/"pm". The casual parsers' pattern for
 * counted units takes V8 about 0.2 s to compile, three times over, in every thread that reads
 * dates, more than reading a corpus's dates takes; the strict one a fifth of that.
 */
function newsChrono(): Chrono {
  const casual = configuration.createCasualConfiguration(false);
  const strict = configuration.createConfiguration(true, false);
  const strictOf = new Map(strict.parsers.map((parser) => [parser.constructor, parser]));
  return new Chrono({
    parsers: casual.parsers.map((parser) => strictOf.get(parser.constructor) ?? parser),
    refiners: casual.refiners,
  });
}

let reader: Chrono | undefined;

/**
 * Date expressions found by chrono-node, re-read under news conventions against `day`: a bare
 * weekday is the last such day on or before it (the next one in future tense); a day and month
 * without a year take the year that puts them on or before it (after it in future tense), unless
 * the date on the other side is within two months; months and years become ranges. Durations
 * ("for three days", "after 20 years") and clock times alone are not dates.
 */
export function findChronoExpressions(text: string, day: string): CandidateDate[] {
  // Every reading must contain a date word, so a sentence without one is not parsed at all.
  return MAY_HOLD_DATE.test(text) ? readChronoExpressions(text, day) : [];
}

/** {@link findChronoExpressions} without the quick test of the sentence: what it must agree with. */
export function readChronoExpressions(text: string, day: string): CandidateDate[] {
  reader ??= newsChrono();
  const results = reader.parse(text, { instant: new Date(`${day}T12:00:00Z`), timezone: 0 });
  const found: CandidateDate[] = [];
  for (const result of results) {
    if (
      !DATE_WORD.test(result.text) ||
      DURATION.test(result.text) ||
      isClockTimeOnly(result.start) ||
      isNumberNotDate(result)
    )
      continue;
    const tense = tenseAt(text, result.index, result.index + result.text.length);
    const read = interpret(result, day, tense);
    if (!read) continue;
    found.push({
      index: result.index,
      text: result.text.replace(/[\s,.;:]+$/, ""),
      start: read.range[0],
      end: read.range[1],
      rule: read.rule,
      confidence: read.confidence,
      tense,
    });
  }
  return found;
}

// A numeric date as news prints one: day, month and year with one separator ("5/8/1987",
// "12.03.87"), maybe followed by a time or the end of a range. Without its year, or with mixed
// separators, it is a fraction, a score or a price ("rose 5/8 to 41-1/4", "a 3/4 majority",
// "won 7/2"); "9/11" is left to its name.
const NUMERIC_DATE = /^\d{1,4}([/.-])\d{1,2}\1\d{2,4}(?!\d)/;

function isNumberNotDate(result: types.ParsedResult): boolean {
  return (
    result.tags().has("parser/SlashDateFormatParser") && !NUMERIC_DATE.test(result.text.trim())
  );
}

interface Reading {
  range: Range;
  rule: string;
  confidence: number;
}

function interpret(result: types.ParsedResult, day: string, tense: Tense): Reading | null {
  const start = result.start;
  const tags = result.tags();
  const first = readComponent(start, day, tense, result.text, tags);
  if (!first) return null;
  if (!result.end) return first;
  const last = readComponent(result.end, day, tense, result.text, tags);
  if (!last || last.range[1] < first.range[0]) return first;
  return {
    range: [first.range[0], last.range[1]],
    rule: "explicit-range",
    confidence: Math.min(first.confidence, last.confidence),
  };
}

function readComponent(
  c: Component,
  day: string,
  tense: Tense,
  text: string,
  tags: Set<string>,
): Reading | null {
  const certain = (unit: types.Component) => c.isCertain(unit);
  const known = (unit: types.Component) =>
    certain(unit) && (unit !== "year" || WRITTEN_YEAR.test(text));
  const value = (unit: types.Component) => c.get(unit) as number;
  const relative = [...tags].some(
    (tag) => tag.startsWith("casualReference") || tag.startsWith("result/relativeDate"),
  );
  if (relative) {
    // Chrono resolved it against the same day; a bare year or month stays a range.
    const y = value("year");
    const m = value("month");
    if (certain("day") || [...tags].some((tag) => tag.startsWith("casualReference"))) {
      return {
        range: [makeDay(y, m, value("day")), makeDay(y, m, value("day"))],
        rule: "relative-day",
        confidence: 0.9,
      };
    }
    if (certain("month"))
      return {
        range: monthRange(y, m),
        rule: "relative-month",
        confidence: 0.8,
      };
    if (certain("year"))
      return {
        range: yearRange(y),
        rule: "relative-year",
        confidence: 0.8,
      };
    return null;
  }
  if (known("day") && known("month")) {
    const m = value("month");
    const d = value("day");
    if (known("year"))
      return {
        range: [makeDay(value("year"), m, d), makeDay(value("year"), m, d)],
        rule: "explicit-date",
        confidence: 0.95,
      };
    const date = makeDay(yearOfMonthDay(m, d, day, tense), m, d);
    if (!isCalendarDate(date)) return null;
    return {
      range: [date, date],
      rule: `day-month-${tense}`,
      confidence: 0.85,
    };
  }
  if (known("weekday") && !known("month")) {
    const target = weekdayOnly(value("weekday"), day, tense, text);
    return { range: [target, target], rule: `weekday-${tense}`, confidence: 0.8 };
  }
  if (known("month")) {
    const m = value("month");
    const y = known("year") ? value("year") : yearOfMonth(m, day, tense);
    return {
      range: monthRange(y, m),
      rule: known("year") ? "explicit-month" : `month-${tense}`,
      confidence: known("year") ? 0.9 : 0.8,
    };
  }
  if (known("year")) {
    return {
      range: yearRange(value("year")),
      rule: "explicit-year",
      confidence: 0.9,
    };
  }
  return null;
}

/** The day a bare weekday names: the latest on or before `day` in past tense, the next after it in future tense. */
function weekdayOnly(weekday: number, day: string, tense: Tense, text: string): string {
  const diff = (weekdayOf(day) - weekday + 7) % 7;
  if (/\bnext\b/i.test(text) || (tense === "future" && !/\blast\b/i.test(text)))
    return shiftDay(day, 7 - diff || 7);
  // A weekday with no tense marker is read as news reads it: the latest one.
  if (/\blast\b/i.test(text)) return shiftDay(day, -(diff || 7));
  return shiftDay(day, -diff);
}

function isClockTimeOnly(c: Component): boolean {
  return (
    c.isCertain("hour") &&
    !c.isCertain("day") &&
    !c.isCertain("weekday") &&
    !c.isCertain("month") &&
    !c.isCertain("year")
  );
}
