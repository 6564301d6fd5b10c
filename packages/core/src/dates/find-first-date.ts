import * as chrono from "chrono-node/en";
import { makeDay } from "./calendar-day.js";
import { isCalendarDate } from "./is-calendar-date.js";

/**
 * The first full calendar date (day, month and year all stated) in a raw date string as pages
 * print them: "12 / 16 / 08 1 : 30 AM EST", "PUBLISHED : 16 : 05 GMT, 9 June 2013",
 * "Tue Jul 02 2013, 14 : 58 hrs", "2013 - 09 - 26". Spaced-out separators, ordinal suffixes and
 * abbreviation dots are tidied first. `null` when none.
 */
export function findFirstDate(raw: string): { date: string; text: string } | null {
  const text = raw
    .replace(/\s*([/:])\s*/g, "$1")
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, "$1")
    // "2013 - 09 - 26"; "November 27 - 2005"; "Fri., May. 3".
    .replace(/\b(\d{4}) ?- ?(\d{2}) ?- ?(\d{2})\b/g, "$1-$2-$3")
    .replace(/\b([A-Za-z]{3,9}\.? \d{1,2}) - ((?:19|20)\d\d)\b/g, "$1, $2")
    .replace(
      /\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\./gi,
      "$1",
    )
    .replace(/\s+/g, " ")
    .trim();
  for (const result of chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const c = result.start;
    if (!c.isCertain("year") || !c.isCertain("month") || !c.isCertain("day")) continue;
    const date = makeDay(c.get("year") as number, c.get("month") as number, c.get("day") as number);
    if (isCalendarDate(date)) return { date, text: result.text };
  }
  return null;
}
