import { format } from "date-fns/format";
import type { DateEstimate } from "../model/date-estimate.js";
import { dayToDate, lastDayOfMonth, monthOf, yearOf } from "./calendar-day.js";

/**
 * A date estimate as a reader wants it: "Wed 25 Aug 2021", "23–29 Aug 2021",
 * "30 Aug – 5 Sep 2021", "Aug 2021", "2021", "after 15 Aug 2021", "date unknown". With
 * `omitYear` (a year the surrounding text already gives) the year is left out of day ranges.
 */
export function formatDateRange(
  estimate: Pick<DateEstimate, "start" | "end">,
  options: { omitYear?: string } = {},
): string {
  const { start, end } = estimate;
  if (start === null && end === null) return "date unknown";
  if (end === null) return `after ${formatDateRange({ start, end: start }, options)}`;
  if (start === null) return `before ${formatDateRange({ start: end, end }, options)}`;
  const year = start.slice(0, 4);
  const withYear = (text: string) =>
    options.omitYear === year && end.slice(0, 4) === year ? text : `${text} ${end.slice(0, 4)}`;
  const d = (day: string, pattern: string) => format(dayToDate(day), pattern);
  if (start === end) return withYear(d(start, "EEE d MMM"));
  const wholeMonths = start.endsWith("-01") && end === lastDayOfMonth(yearOf(end), monthOf(end));
  if (wholeMonths && start.slice(5) === "01-01" && end.slice(5) === "12-31")
    return start.slice(0, 4) === end.slice(0, 4) ? year : `${year}–${end.slice(0, 4)}`;
  if (wholeMonths && start.slice(0, 4) === end.slice(0, 4))
    return start.slice(0, 7) === end.slice(0, 7)
      ? `${d(start, "MMM")} ${year}`
      : `${d(start, "MMM")}–${d(end, "MMM")} ${year}`;
  if (start.slice(0, 7) === end.slice(0, 7)) return withYear(`${d(start, "d")}–${d(end, "d MMM")}`);
  if (start.slice(0, 4) === end.slice(0, 4))
    return withYear(`${d(start, "d MMM")} – ${d(end, "d MMM")}`);
  return `${d(start, "d MMM yyyy")} – ${d(end, "d MMM yyyy")}`;
}

/**
 * A date with the evidence it rests on, for a reader to check:
 * "Wed 25 Aug 2021 (from 'on Wednesday' in an article of 25–26 Aug)". The expression is the
 * first piece of evidence; the article's date is the `reference` evidence, when there is one.
 */
export function describeDate(estimate: DateEstimate): string {
  const label = formatDateRange(estimate);
  const [first] = estimate.evidence;
  if (!first || /^(reference|inferred|caution)/.test(first.rule)) return label;
  if (first.rule === "reporting-date") return `${label} (the date of the report)`;
  const reference = estimate.evidence.find((e) => e.rule === "reference");
  if (!reference) return `${label} (from '${first.text}')`;
  const [from, to = from] = reference.text.split("/");
  const article = formatDateRange(
    { start: from ?? null, end: to ?? null },
    { omitYear: estimate.start?.slice(0, 4) ?? "" },
  );
  return `${label} (from '${first.text}' in an article of ${article})`;
}
