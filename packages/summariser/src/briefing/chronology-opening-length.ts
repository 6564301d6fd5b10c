import type { MentionRecord } from "../mentions/extract-mentions.js";

/** A month named next to a day number: "April 22", "22 April", "Apr. 22", "2nd June". */
const MONTH_AND_DAY =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const CLOCK_TIME = /\d:\d\d/;
/** What may come before the date: bullets, stars, quotes, spaces. */
const OPENING = /^[\W_]*/;
/** What ends the date of an entry: a dash or a colon. */
const SEPARATOR = /^\s*[-–—:]\s+/;

/**
 * Whether a sentence is written as an entry of a chronology: it opens with its calendar date (a
 * month and a day, no clock time), then a dash or a colon ("April 22 - The rig sinks.", "26 May:
 * BP starts the top kill."), as journalists write the timelines and fact boxes inside their
 * articles. Gives the length of that opening, date and separator included, or 0.
 */
export function chronologyOpeningLength(record: MentionRecord): number {
  const date = record.dateText;
  if (!date || !MONTH_AND_DAY.test(date) || CLOCK_TIME.test(date)) return 0;
  const text = record.mention.text;
  const start = OPENING.exec(text)?.[0].length ?? 0;
  if (!text.startsWith(date, start)) return 0;
  const separator = SEPARATOR.exec(text.slice(start + date.length))?.[0].length ?? 0;
  return separator === 0 ? 0 : start + date.length + separator;
}
