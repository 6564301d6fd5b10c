import type { DatePrecision } from "../model/date-estimate.js";
import { daysBetween } from "./calendar-day.js";

/** The precision a day range `[start, end]` amounts to: the smallest unit its length fits in. */
export function precisionOfSpan(start: string, end: string): DatePrecision {
  const days = daysBetween(start, end) + 1;
  if (days <= 1) return "day";
  if (days <= 7) return "week";
  if (days <= 31) return "month";
  if (days <= 366) return "year";
  return "unknown";
}
