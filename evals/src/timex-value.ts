import type { DateEstimate } from "@briefing/core";
import { getISOWeek, getISOWeekYear } from "date-fns";

/**
 * Whether an estimate states the gold TIMEX3 value at the gold's own granularity: a day
 * (`2021-08-25`), an ISO week (`2021-W34`) or its weekend (`2021-W34-WE`), a month, a quarter,
 * a year, a decade (`199`), or the vague `PRESENT_REF` / `PAST_REF` / `FUTURE_REF` against the DCT.
 */
export function valueMatches(estimate: DateEstimate, goldValue: string, dct: string): boolean {
  const { start, end } = estimate;
  if (start === null || end === null) return false;
  const gold = normaliseGold(goldValue);
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
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(gold);
  if (season) {
    const [from, to] = SEASONS[season[2] as keyof typeof SEASONS];
    const y = season[1] as string;
    const winterEnd = season[2] === "WI" ? String(Number(y) + 1) : y;
    return start >= `${y}-${from}` && end <= `${winterEnd}-${to}`;
  }
  if (/^\d{4}$/.test(gold)) return start.slice(0, 4) === gold && end.slice(0, 4) === gold;
  if (/^\d{3}$/.test(gold)) return start.slice(0, 3) === gold && end.slice(0, 3) === gold;
  return false;
}

/** Meteorological seasons as TimeML names them: a winter runs into the next year. */
const SEASONS = {
  SP: ["03-01", "05-31"],
  SU: ["06-01", "08-31"],
  FA: ["09-01", "11-30"],
  WI: ["12-01", "02-29"],
} as const;

/**
 * The value with its unspecified parts dropped: trailing `-XX` placeholders ("1998-10-XX" states
 * the month, "1998-WXX" the year), a part of day ("2000-01-05TEV" states the day), an unpadded week ("2000-W7").
 */
function normaliseGold(value: string): string {
  return value
    .replace(/T(MO|AF|EV|NI|DT)$/, "")
    .replace(/(-XX|-WXX)+$/, "")
    .replace(/-W(\d)$/, "-W0$1")
    .replace(/^(\d{3})X$/, "$1");
}

function isoWeek(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, "0")}`;
}

function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
