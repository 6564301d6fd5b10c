import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";

// Calendar days are handled as midnight in UTC, so that day arithmetic never meets a DST change;
// time zones matter only when an instant is turned into the day a reader saw (see toLocalDay).

/** A calendar day `YYYY-MM-DD` as a date-fns date at midnight UTC. */
export function dayToDate(day: string): TZDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, "UTC");
}

/** The `YYYY-MM-DD` of a date (read in its own zone). */
export function dateToDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

/** The day `n` days after `day` (before, for negative `n`). */
export function shiftDay(day: string, n: number): string {
  return dateToDay(addDays(dayToDate(day), n));
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
  return differenceInCalendarDays(dayToDate(b), dayToDate(a));
}

/** Day of the week, 0 = Sunday. */
export function weekdayOf(day: string): number {
  return dayToDate(day).getDay();
}

/** The last day of a month (`month` 1-12). */
export function lastDayOfMonth(year: number, month: number): string {
  return dateToDay(new TZDate(year, month, 0, "UTC"));
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
