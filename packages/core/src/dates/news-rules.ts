import {
  makeDay,
  monthOf as month,
  monthRange,
  shiftDay,
  yearOf as year,
  yearRange,
} from "./calendar-day.js";
import { CAPITAL_MONTH_PATTERN, MONTH_PATTERN, monthNumber } from "./candidate-date.js";
import type { Tense } from "./detect-tense.js";
import {
  clipEnd,
  dayMonth,
  dayRange,
  offsetOf,
  part,
  periodOf,
  QUARTERS,
  quarter,
  type Range,
  reportedQuarter,
  SEASON_START,
  season,
  shiftYear,
  weekend,
} from "./period-of.js";
import { yearOfMonth } from "./year-of-month-day.js";

/** A rule of the news reader: a pattern, the words it needs, and how a match resolves. */
export interface NewsRule {
  name: string;
  /** A fallback rule applies only where no other reading covers the text (a bare year). */
  fallback?: boolean;
  pattern: RegExp;
  /**
   * Lower-case words one of which every match contains, and whether every match has a digit: a
   * text with none is not scanned (most sentences have no date words, and scanning is the cost).
   */
  cues: readonly string[];
  digit?: boolean;
  confidence: number;
  /** `text` and the match's `index` let a rule read the sentences around it. */
  resolve: (match: RegExpExecArray, day: string, tense: Tense, text: string) => Range | null;
}

const MONTH_CUES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

/** The news rules, in the order they are tried; exported for the test of their cues. */
export const NEWS_RULES: readonly NewsRule[] = [
  {
    name: "weekend",
    cues: ["weekend"],
    pattern: /\b(?:at|over|during|on) the weekend\b|\b(this|last|past|next) weekend\b/gi,
    confidence: 0.75,
    resolve: (m, day, tense) => weekend(day, tense, m[1] ?? ""),
  },
  {
    name: "recent-period",
    cues: ["recent", "few", "couple"],
    pattern:
      /\b(?:in|over|during) (?:the )?(?:recent|past few|last few|past couple of|last couple of) (days|weeks|months)\b/gi,
    confidence: 0.5,
    resolve: (m, day) => {
      const back = /day/i.test(m[1] ?? "") ? 6 : /week/i.test(m[1] ?? "") ? 27 : 89;
      return [shiftDay(day, -back), day];
    },
  },
  {
    name: "earlier-later-period",
    cues: ["earlier", "later"],
    pattern: /\b(earlier|later) (this|last) (week|month|year)\b/gi,
    confidence: 0.6,
    resolve: (m, day) => {
      const range = periodOf(m[3] ?? "", day, m[2]?.toLowerCase() === "last" ? -1 : 0);
      if (m[2]?.toLowerCase() === "last") return range;
      return m[1]?.toLowerCase() === "earlier" ? clipEnd(range, day) : [day, range[1]];
    },
  },
  {
    name: "part-of-period",
    cues: ["month", "year"],
    pattern: /\b(early|mid|late)(?:-| in | )(last|this|next) (month|year)\b/gi,
    confidence: 0.55,
    resolve: (m, day) => part(m[1] ?? "", periodOf(m[3] ?? "", day, offsetOf(m[2] ?? ""))),
  },
  {
    name: "part-of-month",
    cues: ["early", "mid", "late"],
    pattern: new RegExp(
      `\\b(early|mid|late)(?:-| in | )(${MONTH_PATTERN})(?:,? (\\d{4}))?\\b`,
      "gi",
    ),
    confidence: 0.55,
    resolve: (m, day, tense) => {
      const mm = monthNumber(m[2] ?? "");
      if (mm === 0) return null;
      const y = m[3] ? Number(m[3]) : yearOfMonth(mm, day, tense);
      return part(m[1] ?? "", monthRange(y, mm));
    },
  },
  {
    name: "relative-period",
    cues: ["week", "month", "quarter", "year"],
    pattern: /\b(last|this|next|past|previous|prior|current) (week|month|quarter|year)\b/gi,
    confidence: 0.7,
    resolve: (m, day, tense) => {
      const range = periodOf(m[2] ?? "", day, offsetOf(m[1] ?? ""));
      return m[1]?.toLowerCase() === "this" && tense === "past" ? clipEnd(range, day) : range;
    },
  },
  {
    name: "day-range",
    cues: ["between", "from"],
    digit: true,
    pattern: new RegExp(
      `\\b(?:between|from) (\\d{1,2})(?:st|nd|rd|th)? (?:and|to|until|-|–) (\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_PATTERN})(?:,? (\\d{4}))?`,
      "gi",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayRange(Number(m[1]), Number(m[2]), m[3] ?? "", m[4], day, tense),
  },
  {
    name: "day-range",
    cues: ["between", "from"],
    digit: true,
    pattern: new RegExp(
      `\\b(?:between|from) (${MONTH_PATTERN}) (\\d{1,2})(?:st|nd|rd|th)? (?:and|to|until|-|–) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?`,
      "gi",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayRange(Number(m[2]), Number(m[3]), m[1] ?? "", m[4], day, tense),
  },
  {
    name: "month-of-year",
    cues: ["last", "this", "next"],
    pattern: new RegExp(`\\b(last|this|next) (${CAPITAL_MONTH_PATTERN})\\b(?! \\d)`, "gi"),
    confidence: 0.8,
    resolve: (m, day) => {
      const mm = monthNumber(m[2] ?? "");
      if (mm === 0) return null;
      const which = (m[1] ?? "").toLowerCase();
      // "Last May" is the latest May before this month; "next May" the first May after it.
      const y =
        which === "last"
          ? mm < month(day)
            ? year(day)
            : year(day) - 1
          : which === "this"
            ? year(day)
            : mm > month(day)
              ? year(day)
              : year(day) + 1;
      return monthRange(y, mm);
    },
  },
  {
    name: "day-month",
    cues: MONTH_CUES,
    digit: true,
    pattern: new RegExp(
      `\\b(${CAPITAL_MONTH_PATTERN}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})(?![:.]?\\d)`,
      "g",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayMonth(Number(m[2]), m[1] ?? "", day, tense),
  },
  {
    name: "day-month",
    cues: MONTH_CUES,
    digit: true,
    pattern: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${CAPITAL_MONTH_PATTERN})(?!,? \\d{4})(?![\\p{L}])`,
      "gu",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayMonth(Number(m[1]), m[2] ?? "", day, tense),
  },
  {
    // "A year earlier" in an earnings story is the reported quarter's counterpart; else last year.
    name: "year-ago",
    cues: ["year"],
    pattern:
      /\b(?:(?:a|one) year (?:ago|earlier|before)|(?:the |a )?year-(?:ago|earlier)(?: (?:quarter|period|three months))?)\b/gi,
    confidence: 0.6,
    resolve: (m, day, tense, text) => {
      const reported = reportedQuarter(text, m.index, day, tense);
      return reported ? shiftYear(reported, -1) : yearRange(year(day) - 1);
    },
  },
  {
    // "The quarter", "the latest period": in business news, the last quarter ended.
    name: "reported-period",
    cues: ["quarter", "period", "three months"],
    pattern:
      /\bthe (?:(?:latest|most recent|just-ended|recent) (?:quarter|period|three months)|quarter)\b(?! (?:ended|ending|to|of|through))/gi,
    confidence: 0.5,
    resolve: (m, day, tense, text) =>
      reportedQuarter(text, m.index, day, tense) ?? periodOf("quarter", day, -1),
  },
  {
    name: "reference-year",
    cues: ["year"],
    pattern:
      /\bthe (?:current |full |calendar )?year\b(?![-\s](?:ago|earlier|before|after|later))/gi,
    confidence: 0.5,
    resolve: (_m, day) => yearRange(year(day)),
  },
  {
    // Meteorological seasons of the northern hemisphere, where most wire copy is written.
    name: "season",
    cues: ["spring", "summer", "fall", "autumn", "winter"],
    pattern:
      /\b(?:(last|this|next|past|early|late|the) )?(spring|summer|fall|autumn|winter)\b(?: (?:of )?((?:19|20)\d\d)\b)?/gi,
    confidence: 0.6,
    resolve: (m, day, tense) => {
      const which = (m[1] ?? "").toLowerCase();
      // A bare "fall" or "spring" is more often a verb or a noun than a season.
      if (!which && !m[3]) return null;
      return season(SEASON_START[(m[2] ?? "").toLowerCase()] ?? 0, m[3], which, day, tense);
    },
  },
  {
    name: "quarter",
    cues: ["quarter", "q1", "q2", "q3", "q4"],
    pattern:
      /\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?|\bQ([1-4])(?:\s+((?:19|20)\d\d))?\b/gi,
    confidence: 0.8,
    resolve: (m, day, tense) =>
      quarter(QUARTERS[(m[1] ?? "").toLowerCase()] ?? Number(m[3]), m[2] ?? m[4], day, tense),
  },
  {
    name: "vague-present",
    cues: ["now", "current", "present", "moment", "these days"],
    pattern: /\b(?:right now|now|currently|at present|at the moment|these days|nowadays)\b/gi,
    confidence: 0.5,
    resolve: (_m, day) => [day, day],
  },
  {
    name: "vague-past",
    cues: ["recent", "lately", "in the past"],
    // "Previously" and "formerly" order events rather than date them; "soon" likewise.
    // "In the past nine days" counts a span back from the writing, not a vague past.
    pattern:
      /\b(?:recently|lately|in the past(?!\s+(?:\S+\s+){0,2}(?:hours?|days?|weeks?|months?|years?|decades?)\b))\b/gi,
    confidence: 0.3,
    resolve: (_m, day) => [shiftDay(day, -365), shiftDay(day, -1)],
  },
  {
    name: "vague-future",
    cues: ["future", "coming"],
    pattern: /\b(?:in the (?:near )?future|in the coming (?:days|weeks|months))\b/gi,
    confidence: 0.3,
    resolve: (_m, day) => [shiftDay(day, 1), shiftDay(day, 365)],
  },
  {
    name: "year",
    cues: [],
    digit: true,
    fallback: true,
    // Not a count: "1,500", "1500 troops", "2000 percent" (a plural noun or unit right after);
    // not a clock time: "at 1530", "1530 GMT", "2000 local"; not the end of a range of counts
    // ("1200 to 1500 gas stations").
    pattern:
      /(?<![$£€\d.,/-])(?<!\bat )(?<!\b(?!(?:1[5-9]|20)\d\d\b)\d[\d,]* ?(?:to|and|or|-|–) ?)\b((?:1[5-9]|20)\d\d)\b(?![-–/]\d)(?!,\d)(?!\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|hrs\b|local\b))(?!\s*(?:%|percent\b|per cent\b|people\b|men\b|women\b|children\b|feet\b|more\b|of\b|(?!this\b|thus\b|plus\b|unless\b|across\b)[a-z]{3,}s\b))/g,
    confidence: 0.9,
    resolve: (m) => yearRange(Number(m[1])),
  },
  {
    name: "decade",
    cues: ["0s"],
    digit: true,
    pattern: /\b(?:the )?(1[5-9]|20)(\d)0s\b/gi,
    confidence: 0.9,
    resolve: (m) => {
      const start = Number(`${m[1]}${m[2]}0`);
      return [makeDay(start, 1, 1), makeDay(start + 9, 12, 31)];
    },
  },
];
