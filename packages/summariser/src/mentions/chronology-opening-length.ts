import type { MentionRecord } from "./extract-mentions.js";

/** A month named next to a day number: "April 22", "22 April", "Apr. 22", "2nd June". */
const MONTH_AND_DAY =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const CLOCK_TIME = /\d:\d\d/;
/** What may come before the date: bullets, stars, quotes, spaces. */
const OPENING = /^[^\p{L}\p{N}]*/u;
/** What ends the date of an entry: a dash or a colon. */
const SEPARATOR = /^\s*[-–—:]\s+/;

/**
 * A sentence written as a chronology's entry, known by its wording alone: a month and a day at
 * its start, then a dash or a colon.
 */
export const CHRONOLOGY_LINE = new RegExp(
  `^\\W*(?:${MONTH_AND_DAY.source})[a-z]*\\s*[-–—:]\\s`,
  "i",
);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The length of a chronology entry's opening ("April 22 - ", "26 May: ") when its month and day
 * are those of `day` (`YYYY-MM-DD`), or 0: what a timeline already shows under that day.
 */
export function openingOfDay(text: string, day: string): number {
  const opening = CHRONOLOGY_LINE.exec(text)?.[0];
  if (!opening) return 0;
  const month = MONTHS.findIndex((m) => opening.toLowerCase().includes(m)) + 1;
  const date = /\d{1,2}/.exec(opening)?.[0];
  return month === Number(day.slice(5, 7)) && Number(date) === Number(day.slice(8, 10))
    ? opening.length
    : 0;
}

/** Where a sentence's text goes on after `date`, when it opens with it (bullets aside); else -1. */
export function afterOpeningDate(text: string, date: string): number {
  const start = OPENING.exec(text)?.[0].length ?? 0;
  return text.startsWith(date, start) ? start + date.length : -1;
}

/**
 * The length of a sentence's opening `date` and the dash or colon after it ("April 22 - "), or 0
 * when it does not open so.
 */
function openingDateLength(text: string, date: string): number {
  const end = afterOpeningDate(text, date);
  if (end < 0) return 0;
  const separator = SEPARATOR.exec(text.slice(end))?.[0].length ?? 0;
  return separator === 0 ? 0 : end + separator;
}

/**
 * Whether a sentence is written as an entry of a chronology: it opens with its calendar date (a
 * month and a day, no clock time), then a dash or a colon ("April 22 - The rig sinks.", "26 May:
 * BP starts the top kill."), as journalists write the timelines and fact boxes inside their
 * articles. Gives the length of that opening, date and separator included, or 0.
 */
export function chronologyOpeningLength(record: MentionRecord): number {
  const date = record.dateText;
  if (!date || !MONTH_AND_DAY.test(date) || CLOCK_TIME.test(date)) return 0;
  return openingDateLength(record.mention.text, date);
}
