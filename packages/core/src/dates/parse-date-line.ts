import * as chrono from "chrono-node/en";
import { isCalendarDate } from "./is-calendar-date.js";

/** A calendar date read from a piece of text that is (almost) only a date. */
export interface DateLine {
  /** `YYYY-MM-DD`, the day as the text writes it (no time-zone shift). */
  date: string;
  /** The part of the input that is the date. */
  text: string;
}

const ISO_PREFIX = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
// Chrono needs a reference for relative words; a date line with a full date ignores it.
const FIXED_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/**
 * Reads a full calendar date (day, month and year all stated) from a line that is mostly a date,
 * such as a page's date line ("Thursday, October 21, 2021", "January 15, 2022 at 10:57 am") or a
 * metadata value ("2015-07-24T05:36:09+01:00", "Wed, 31 Jan 2018 07:26:05 GMT").
 * Returns `null` when the line holds no full date or is mostly something else.
 *
 * @example parseDateLine("January 15, 2022 at 10:57 am") // { date: "2022-01-15", text: "January 15, 2022 at 10:57 am" }
 */
export function parseDateLine(
  line: string,
  options: { minCoverage?: number } = {},
): DateLine | null {
  const trimmed = line.trim();
  // A full date states its year, and chrono reads years only from digits: most short lines of a
  // page (headlines, bylines, labels) have none and are not parsed at all.
  if (trimmed.length === 0 || trimmed.length > 80 || !/\d/.test(trimmed)) return null;
  const iso = ISO_PREFIX.exec(trimmed);
  if (iso) {
    const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isCalendarDate(date) ? { date, text: trimmed } : null;
  }
  const [result] = chrono.strict.parse(trimmed, FIXED_REFERENCE);
  if (!result) return null;
  const known = result.start;
  const year = known.isCertain("year") ? known.get("year") : null;
  const month = known.isCertain("month") ? known.get("month") : null;
  const day = known.isCertain("day") ? known.get("day") : null;
  if (year === null || month === null || day === null) return null;
  const coverage = letterCount(result.text) / Math.max(1, letterCount(trimmed));
  if (coverage < (options.minCoverage ?? 0.6)) return null;
  const date = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? { date, text: result.text } : null;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function letterCount(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, "").length;
}
