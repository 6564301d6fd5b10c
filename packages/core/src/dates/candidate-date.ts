import type { Tense } from "./detect-tense.js";

/** A date expression resolved against one reference day, before reference ranges are merged. */
export interface CandidateDate {
  /** Where the expression starts in the text, and the expression itself. */
  index: number;
  text: string;
  start: string;
  end: string;
  /** The rule that read it, carried into the evidence. */
  rule: string;
  confidence: number;
  tense: Tense;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Month number 1-12 of an English month name or its abbreviation, or 0. */
export function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "");
  if (key.length < 3) return 0;
  const index = MONTHS.findIndex(
    (month) => month.startsWith(key) || (key === "sept" && month === "september"),
  );
  return index + 1;
}

/** The regular-expression alternation of month names and abbreviations. */
export const MONTH_PATTERN =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/**
 * A month in a text, by name (a whole word, any case: "market" and "decline" hold none) or in a
 * numeric date ("5/8/1987", "1987-04-07", "12.03.87"): what a sentence needs to hold a day of a
 * month. A regular-expression alternation, for quick tests before reading dates.
 */
export const MONTH_OR_NUMERIC_DATE = `(?<![a-z])${MONTH_PATTERN}(?![a-z])|\\d[/.-]\\d{1,2}[/.-]\\d`;

/** Month names as news writes them, capitalised, so that "may" the verb is not a month. */
export const CAPITAL_MONTH_PATTERN =
  "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
