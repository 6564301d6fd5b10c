import {
  lastDayOfMonth,
  makeDay,
  monthOf as month,
  monthRange,
  shiftDay,
  weekdayOf,
  yearOf as year,
  yearRange,
} from "./calendar-day.js";
import { monthNumber } from "./candidate-date.js";
import type { Tense } from "./detect-tense.js";
import { isCalendarDate } from "./is-calendar-date.js";
import { yearOfMonthDay } from "./year-of-month-day.js";

// The periods the news rules resolve to: parts of months and years, weeks, weekends, quarters,
// seasons, days and day ranges of a month, each a closed range of days against a reference day.

/** A closed range of days, `YYYY-MM-DD`. */
export type Range = [string, string];

/** The Monday of the week holding `day`. */
export const monday = (day: string) => shiftDay(day, -((weekdayOf(day) + 6) % 7));
/** A range ended no later than `day`. */
export const clipEnd = (range: Range, day: string): Range => [
  range[0],
  range[1] < day ? range[1] : day,
];

/**
 * Early, mid and late: the first, middle and last third of a month (days 1-10, 11-20, 21-end) or
 * of a year (January-April, May-August, September-December).
 */
export function part(which: string, range: Range): Range {
  const [start, end] = range;
  const index = /^early/i.test(which) ? 0 : /^mid/i.test(which) ? 1 : 2;
  if (start.slice(0, 7) === end.slice(0, 7)) {
    const from = shiftDay(start, 10 * index);
    return [from, index === 2 ? end : shiftDay(from, 9)];
  }
  const y = year(start);
  return [makeDay(y, 4 * index + 1, 1), lastDayOfMonth(y, 4 * index + 4)];
}

/** The week, month, quarter or year holding `day`, or `offset` such periods away. */
export function periodOf(unit: string, day: string, offset: number): Range {
  if (/quarter/i.test(unit)) {
    const index = year(day) * 4 + Math.floor((month(day) - 1) / 3) + offset;
    return quarterRange(Math.floor(index / 4), (index % 4) + 1);
  }
  if (/week/i.test(unit)) {
    const start = shiftDay(monday(day), 7 * offset);
    return [start, shiftDay(start, 6)];
  }
  if (/month/i.test(unit)) {
    const index = year(day) * 12 + month(day) - 1 + offset;
    return monthRange(Math.floor(index / 12), (index % 12) + 1);
  }
  return yearRange(year(day) + offset);
}

/** The weekend meant by "the weekend", "last weekend" or "next weekend" in a report of `day`. */
export function weekend(day: string, tense: Tense, which: string): Range {
  if (tense === "unmarked") return weekend(day, /next/i.test(which) ? "future" : "past", which);
  const weekday = weekdayOf(day);
  // Reported on a Saturday, a weekend in the past is the one before.
  if (weekday === 6 && tense === "past" && !/this/i.test(which))
    return [shiftDay(day, -7), shiftDay(day, -6)];
  if (/next/i.test(which) || (tense === "future" && !/last|past/i.test(which))) {
    const saturday = shiftDay(day, weekday === 6 ? 0 : weekday === 0 ? 6 : 6 - weekday);
    return [saturday, shiftDay(saturday, 1)];
  }
  // The most recent Saturday on or before the day (a Sunday's weekend began the day before).
  const saturday = shiftDay(day, -((weekday + 1) % 7));
  if (/last|past/i.test(which) && (weekday === 6 || weekday === 0))
    return [shiftDay(saturday, -7), shiftDay(saturday, -6)];
  return clipEnd([saturday, shiftDay(saturday, 1)], day);
}

/** How many periods away "last", "past", "previous", "prior" (-1) and "next" (1) point. */
export function offsetOf(word: string): number {
  const w = word.toLowerCase();
  return w === "last" || w === "past" || w === "previous" || w === "prior"
    ? -1
    : w === "next"
      ? 1
      : 0;
}

/** The sentence holding `index` and the one before it: where a reporting period is named. */
function nearbyText(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 400), index);
  const stops = [...before.matchAll(/[.!?]\s/g)];
  const from = stops.length >= 2 ? (stops[stops.length - 2]?.index ?? 0) : 0;
  const rest = text.slice(index).search(/[.!?](\s|$)/);
  return before.slice(from) + text.slice(index, rest < 0 ? undefined : index + rest);
}

/**
 * The period a business story reports on, when one is named nearby: an explicit quarter ("third
 * quarter"), or "quarter" alone, the latest one ended by `day`.
 */
export function reportedQuarter(
  text: string,
  index: number,
  day: string,
  tense: Tense,
): Range | null {
  const near = nearbyText(text, index);
  const named = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b/i.exec(near);
  if (named) return quarter(QUARTERS[(named[1] ?? "").toLowerCase()] ?? 0, undefined, day, tense);
  return /\bquarter(?:ly)?\b/i.test(near) ? periodOf("quarter", day, -1) : null;
}

/** A range moved by whole years. */
export const shiftYear = (range: Range, years: number): Range => [
  makeDay(year(range[0]) + years, month(range[0]), Number(range[0].slice(8))),
  lastDayOfMonth(year(range[1]) + years, month(range[1])),
];

/** Quarter numbers by their ordinal words. */
export const QUARTERS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

/**
 * A calendar quarter; without a year, the latest one begun by `day`. In future tense, the next
 * one, unless the quarter ended within the last 45 days (its results are still to come).
 */
export function quarter(
  q: number,
  yearText: string | undefined,
  day: string,
  tense: Tense,
): Range | null {
  if (!(q >= 1 && q <= 4)) return null;
  let y = yearText ? Number(yearText) : year(day);
  if (!yearText) {
    const [begins, ends] = quarterRange(y, q);
    if (tense === "future" && ends < shiftDay(day, -45)) y += 1;
    else if (tense !== "future" && begins > day) y -= 1;
  }
  return quarterRange(y, q);
}

/** The days of quarter `q` (1-4) of year `y`. */
function quarterRange(y: number, q: number): Range {
  const first = 3 * (q - 1) + 1;
  return [makeDay(y, first, 1), lastDayOfMonth(y, first + 2)];
}

/** The month each season begins in (meteorological, northern hemisphere). */
export const SEASON_START: Record<string, number> = {
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
};

/**
 * A season: with a year, that year's (a winter runs into the next); "last" the latest one ended,
 * "next" the first one to begin after `day`, "this" or none by tense.
 */
export function season(
  startMonth: number,
  yearText: string | undefined,
  which: string,
  day: string,
  tense: Tense,
): Range | null {
  if (startMonth === 0) return null;
  const range = (y: number): Range => {
    const end = startMonth + 2;
    return [makeDay(y, startMonth, 1), lastDayOfMonth(end > 12 ? y + 1 : y, ((end - 1) % 12) + 1)];
  };
  if (yearText) return range(Number(yearText));
  // The season that contains `day` or began most recently before it.
  let y = year(day);
  while (range(y)[0] > day) y -= 1;
  const current = range(y);
  const ended = current[1] < day;
  if (which === "last" || which === "past") return ended ? current : range(y - 1);
  if (which === "next") return range(y + 1);
  if (which === "this" || which === "the") {
    if (ended && tense === "future") return range(y + 1);
    return current;
  }
  return tense === "future" && ended ? range(y + 1) : current;
}

/** A day and month without a year, placed by tense and nearness ({@link yearOfMonthDay}). */
export function dayMonth(d: number, monthName: string, day: string, tense: Tense): Range | null {
  const mm = monthNumber(monthName);
  if (mm === 0) return null;
  const date = makeDay(yearOfMonthDay(mm, d, day, tense), mm, d);
  return isCalendarDate(date) ? [date, date] : null;
}

/** "3-5 May": days of one month, the year given or placed by tense and nearness. */
export function dayRange(
  from: number,
  to: number,
  monthName: string,
  yearText: string | undefined,
  day: string,
  tense: Tense,
): Range | null {
  const mm = monthNumber(monthName);
  if (mm === 0 || from > to) return null;
  const y = yearText ? Number(yearText) : yearOfMonthDay(mm, from, day, tense);
  const range: Range = [makeDay(y, mm, from), makeDay(y, mm, to)];
  return isCalendarDate(range[0]) && isCalendarDate(range[1]) ? range : null;
}
