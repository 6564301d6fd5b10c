import { daysBetween, lastDayOfMonth, makeDay, monthOf, yearOf as year } from "./calendar-day.js";
import type { Tense } from "./detect-tense.js";
import { isCalendarDate } from "./is-calendar-date.js";

// The year of a date written without one, shared by both readers of dates: the news rules
// (news-rules.ts) and chrono's re-reading (chrono-expressions.ts).

/** Days from `day` to the `d`th of a month, or to its last day in a month too short for it. */
function daysAway(y: number, m: number, d: number, day: string): number {
  const last = lastDayOfMonth(y, m);
  const date = Math.min(d, Number(last.slice(8, 10)));
  return Math.abs(daysBetween(day, makeDay(y, m, date)));
}

/**
 * Days within which a day and month without a year are read as the nearer date even against the
 * tense: tense is read from a few words and often misleads ("said" in front of a coming date, a
 * "plans to" in a report of the day before), while a date most of a year away is rarely meant.
 */
const NEAR_DAYS = 60;

/**
 * The year that puts a day and month on or before `day` (past) or on or after it (future), unless
 * the other side's date is within {@link NEAR_DAYS}; the nearest with no tense. A leap day looks
 * further, to the nearest leap year.
 */
export function yearOfMonthDay(m: number, d: number, day: string, tense: Tense): number {
  const past = onOrAround(m, d, day, "past");
  const future = onOrAround(m, d, day, "future");
  const toPast = daysAway(past, m, d, day);
  const toFuture = daysAway(future, m, d, day);
  const nearest = toFuture < toPast ? future : past;
  if (tense === "unmarked" || Math.min(toPast, toFuture) <= NEAR_DAYS) return nearest;
  return tense === "past" ? past : future;
}

/**
 * The year of a month named without one: before `day` in past tense, after it in future tense;
 * the month `day` is in is this one whatever the tense ("the well will be ready in June", written
 * on June 2).
 */
export function yearOfMonth(m: number, day: string, tense: Tense): number {
  if (m === monthOf(day)) return year(day);
  return tense === "unmarked" ? yearOfMonthDay(m, 1, day, tense) : onOrAround(m, 1, day, tense);
}

function onOrAround(m: number, d: number, day: string, tense: "past" | "future"): number {
  const y = year(day);
  for (let step = 0; step < 8; step++) {
    const candidate = tense === "past" ? y - step : y + step;
    const date = makeDay(candidate, m, d);
    if (isCalendarDate(date) && (tense === "past" ? date <= day : date >= day)) return candidate;
  }
  return y;
}
