import { TZDate } from "@date-fns/tz";
import { UTCDate } from "@date-fns/utc";
import { format } from "date-fns/format";

// Calendar days are counted as whole days since 1970-01-01, so that day arithmetic never meets a
// DST change (and costs a few integer operations: the date resolver does it for every sentence);
// time zones matter only when an instant is turned into the day a reader saw (see toLocalDay).

/**
 * A calendar day `YYYY-MM-DD` as a date-fns date at midnight UTC (a `UTCDate` reads its fields in
 * UTC with no time-zone database, so formatting a day never waits for one to load).
 */
export function dayToDate(day: string): UTCDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a calendar day `YYYY-MM-DD` (proleptic Gregorian): plain integer
 * arithmetic, no time zone and no allocation. Years are counted from 1 March, so that a leap day
 * falls at the end of its year; 400 years hold 146,097 days.
 */
function epochDay(day: string): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // 719,468 days from 0000-03-01 to 1970-01-01.
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar day `n` days after 1970-01-01. */
function dayOfEpoch(n: number): string {
  const date = new Date(n * DAY_MS);
  return makeDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The day `n` days after `day` (before, for negative `n`). */
export function shiftDay(day: string, n: number): string {
  return dayOfEpoch(epochDay(day) + n);
}

/** The year of a day `YYYY-MM-DD`. */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** The month (1-12) of a day `YYYY-MM-DD`. */
export function monthOf(day: string): number {
  return Number(day.slice(5, 7));
}

/** Whole days from `a` to `b` (`b - a`). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

/** Day of the week, 0 = Sunday. */
export function weekdayOf(day: string): number {
  return new Date(epochDay(day) * DAY_MS).getUTCDay();
}

/** The last day of a month (`month` 1-12). */
export function lastDayOfMonth(year: number, month: number): string {
  const next = month === 12 ? makeDay(year + 1, 1, 1) : makeDay(year, month + 1, 1);
  return shiftDay(next, -1);
}

/** The days of a month (`month` 1-12), first to last. */
export function monthRange(year: number, month: number): [string, string] {
  return [makeDay(year, month, 1), lastDayOfMonth(year, month)];
}

/** The days of a year, 1 January to 31 December. */
export function yearRange(year: number): [string, string] {
  return [makeDay(year, 1, 1), makeDay(year, 12, 31)];
}

/** `YYYY-MM-DD` from numbers. */
export function makeDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The calendar day an instant falls on in an IANA time zone (with its DST rules), e.g. the day a
 * reader in that zone saw a feed item stamped `2021-03-28T00:30:00Z`.
 */
export function toLocalDay(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/**
 * The instant a calendar day begins in an IANA time zone: `2021-03-28` in Europe/London is
 * `2021-03-28T00:00:00Z` (GMT), `2021-07-01` is `2021-06-30T23:00:00Z` (BST).
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}
