import type { DateEstimate } from "@briefing/core";
import { getISOWeek, getISOWeekYear } from "date-fns";

/**
 * Whether an estimate states the gold TIMEX3 value at the gold's own granularity: a day
 * (`2021-08-25`), an ISO week (`2021-W34`) or its weekend (`2021-W34-WE`), a month, a quarter,
 * a year, a decade (`199`), or the vague `PRESENT_REF` / `PAST_REF` / `FUTURE_REF` against the DCT.
 */
export function valueMatches(estimate: DateEstimate, gold: string, dct: string): boolean {
  const { start, end } = estimate;
  if (start === null || end === null) return false;
  if (gold === "PRESENT_REF") return start <= dct && dct <= end;
  if (gold === "PAST_REF") return end <= dct && start < dct;
  if (gold === "FUTURE_REF") return start >= dct && end > dct;
  if (/^\d{4}-\d{2}-\d{2}$/.test(gold)) return start === gold && end === gold;
  const week = /^(\d{4})-W(\d{2})(-WE)?$/.exec(gold);
  if (week) {
    const same = isoWeek(start) === `${week[1]}-W${week[2]}` && isoWeek(end) === isoWeek(start);
    return same && (week[3] ? weekdayOf(start) >= 5 || weekdayOf(start) === 0 : true);
  }
  if (/^\d{4}-\d{2}$/.test(gold)) return start.slice(0, 7) === gold && end.slice(0, 7) === gold;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(gold);
  if (quarter) {
    const q = (day: string) =>
      `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    return q(start) === gold && q(end) === gold;
  }
  if (/^\d{4}$/.test(gold)) return start.slice(0, 4) === gold && end.slice(0, 4) === gold;
  if (/^\d{3}$/.test(gold)) return start.slice(0, 3) === gold && end.slice(0, 3) === gold;
  return false;
}

function isoWeek(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, "0")}`;
}

function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
