import {
  daysBetween,
  lastDayOfMonth,
  makeDay,
  monthOf as month,
  monthRange,
  shiftDay,
  weekdayOf,
  yearOf as year,
  yearRange,
} from "./calendar-day.js";
import {
  CAPITAL_MONTH_PATTERN,
  type CandidateDate,
  MONTH_PATTERN,
  monthNumber,
} from "./candidate-date.js";
import { type Tense, tenseAt } from "./detect-tense.js";
import { isCalendarDate } from "./is-calendar-date.js";

type Range = [string, string];
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

const monday = (day: string) => shiftDay(day, -((weekdayOf(day) + 6) % 7));
const clipEnd = (range: Range, day: string): Range => [range[0], range[1] < day ? range[1] : day];

/**
 * Early, mid and late: the first, middle and last third of a month (days 1-10, 11-20, 21-end) or
 * of a year (January-April, May-August, September-December).
 */
function part(which: string, range: Range): Range {
  const [start, end] = range;
  const index = /^early/i.test(which) ? 0 : /^mid/i.test(which) ? 1 : 2;
  if (start.slice(0, 7) === end.slice(0, 7)) {
    const from = shiftDay(start, 10 * index);
    return [from, index === 2 ? end : shiftDay(from, 9)];
  }
  const y = year(start);
  return [makeDay(y, 4 * index + 1, 1), lastDayOfMonth(y, 4 * index + 4)];
}

function periodOf(unit: string, day: string, offset: number): Range {
  if (/quarter/i.test(unit)) {
    const index = year(day) * 4 + Math.floor((month(day) - 1) / 3) + offset;
    return quarterRange(Math.floor(index / 4), (index % 4) + 1);
  }
  if (/week/i.test(unit)) {
    const start = shiftDay(monday(day), 7 * offset);
    return [start, shiftDay(start, 6)];
  }
  if (/month/i.test(unit)) {
    const index = year(day) * 12 + month(day) - 1 + offset;
    return monthRange(Math.floor(index / 12), (index % 12) + 1);
  }
  return yearRange(year(day) + offset);
}

function weekend(day: string, tense: Tense, which: string): Range {
  if (tense === "unmarked") return weekend(day, /next/i.test(which) ? "future" : "past", which);
  const weekday = weekdayOf(day);
  // Reported on a Saturday, a weekend in the past is the one before.
  if (weekday === 6 && tense === "past" && !/this/i.test(which))
    return [shiftDay(day, -7), shiftDay(day, -6)];
  if (/next/i.test(which) || (tense === "future" && !/last|past/i.test(which))) {
    const saturday = shiftDay(day, weekday === 6 ? 0 : weekday === 0 ? 6 : 6 - weekday);
    return [saturday, shiftDay(saturday, 1)];
  }
  // The most recent Saturday on or before the day (a Sunday's weekend began the day before).
  const saturday = shiftDay(day, -((weekday + 1) % 7));
  if (/last|past/i.test(which) && (weekday === 6 || weekday === 0))
    return [shiftDay(saturday, -7), shiftDay(saturday, -6)];
  return clipEnd([saturday, shiftDay(saturday, 1)], day);
}

function daysAway(y: number, m: number, d: number, day: string): number {
  return Math.abs(daysBetween(day, makeDay(y, m, Math.min(d, 28))));
}

/**
 * Days within which a day and month without a year are read as the nearer date even against the
 * tense: tense is read from a few words and often misleads ("said" in front of a coming date, a
 * "plans to" in a report of the day before), while a date most of a year away is rarely meant.
 */
const NEAR_DAYS = 60;

/**
 * The year that puts a day and month on or before `day` (past) or on or after it (future), unless
 * the other side's date is within {@link NEAR_DAYS}; the nearest with no tense. A leap day looks
 * further, to the nearest leap year.
 */
export function yearFor(m: number, d: number, day: string, tense: Tense): number {
  const past = onOrAround(m, d, day, "past");
  const future = onOrAround(m, d, day, "future");
  const toPast = daysAway(past, m, d, day);
  const toFuture = daysAway(future, m, d, day);
  const nearest = toFuture < toPast ? future : past;
  if (tense === "unmarked" || Math.min(toPast, toFuture) <= NEAR_DAYS) return nearest;
  return tense === "past" ? past : future;
}

/** The year of a month named without one: before `day` in past tense, after it in future tense. */
export function yearForMonth(m: number, day: string, tense: Tense): number {
  return tense === "unmarked" ? yearFor(m, 1, day, tense) : onOrAround(m, 1, day, tense);
}

function onOrAround(m: number, d: number, day: string, tense: "past" | "future"): number {
  const y = year(day);
  for (let step = 0; step < 8; step++) {
    const candidate = tense === "past" ? y - step : y + step;
    const date = makeDay(candidate, m, d);
    if (isCalendarDate(date) && (tense === "past" ? date <= day : date >= day)) return candidate;
  }
  return y;
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
      const y = m[3] ? Number(m[3]) : yearForMonth(mm, day, tense);
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
    pattern: /\b(?:recently|lately|in the past)\b/gi,
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
    // not a clock time: "at 1530", "1530 GMT", "2000 local".
    pattern:
      /(?<![$£€\d.,/-])(?<!\bat )\b((?:1[5-9]|20)\d\d)\b(?![-–/]\d)(?!,\d)(?!\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|hrs\b|local\b))(?!\s*(?:%|percent\b|per cent\b|people\b|men\b|women\b|children\b|feet\b|more\b|of\b|(?!this\b|thus\b|plus\b|unless\b|across\b)[a-z]{3,}s\b))/g,
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

function offsetOf(word: string): number {
  const w = word.toLowerCase();
  return w === "last" || w === "past" || w === "previous" || w === "prior"
    ? -1
    : w === "next"
      ? 1
      : 0;
}

/** The sentence holding `index` and the one before it: where a reporting period is named. */
function nearbyText(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 400), index);
  const stops = [...before.matchAll(/[.!?]\s/g)];
  const from = stops.length >= 2 ? (stops[stops.length - 2]?.index ?? 0) : 0;
  const rest = text.slice(index).search(/[.!?](\s|$)/);
  return before.slice(from) + text.slice(index, rest < 0 ? undefined : index + rest);
}

/**
 * The period a business story reports on, when one is named nearby: an explicit quarter ("third
 * quarter"), or "quarter" alone, the latest one ended by `day`.
 */
function reportedQuarter(text: string, index: number, day: string, tense: Tense): Range | null {
  const near = nearbyText(text, index);
  const named = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b/i.exec(near);
  if (named) return quarter(QUARTERS[(named[1] ?? "").toLowerCase()] ?? 0, undefined, day, tense);
  return /\bquarter(?:ly)?\b/i.test(near) ? periodOf("quarter", day, -1) : null;
}

const shiftYear = (range: Range, years: number): Range => [
  makeDay(year(range[0]) + years, month(range[0]), Number(range[0].slice(8))),
  lastDayOfMonth(year(range[1]) + years, month(range[1])),
];

const QUARTERS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

/**
 * A calendar quarter; without a year, the latest one begun by `day`. In future tense, the next
 * one, unless the quarter ended within the last 45 days (its results are still to come).
 */
function quarter(q: number, yearText: string | undefined, day: string, tense: Tense): Range | null {
  if (!(q >= 1 && q <= 4)) return null;
  let y = yearText ? Number(yearText) : year(day);
  if (!yearText) {
    const [begins, ends] = quarterRange(y, q);
    if (tense === "future" && ends < shiftDay(day, -45)) y += 1;
    else if (tense !== "future" && begins > day) y -= 1;
  }
  return quarterRange(y, q);
}

/** The days of quarter `q` (1-4) of year `y`. */
function quarterRange(y: number, q: number): Range {
  const first = 3 * (q - 1) + 1;
  return [makeDay(y, first, 1), lastDayOfMonth(y, first + 2)];
}

const SEASON_START: Record<string, number> = {
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
};

/**
 * A season: with a year, that year's (a winter runs into the next); "last" the latest one ended,
 * "next" the first one to begin after `day`, "this" or none by tense.
 */
function season(
  startMonth: number,
  yearText: string | undefined,
  which: string,
  day: string,
  tense: Tense,
): Range | null {
  if (startMonth === 0) return null;
  const range = (y: number): Range => {
    const end = startMonth + 2;
    return [makeDay(y, startMonth, 1), lastDayOfMonth(end > 12 ? y + 1 : y, ((end - 1) % 12) + 1)];
  };
  if (yearText) return range(Number(yearText));
  // The season that contains `day` or began most recently before it.
  let y = year(day);
  while (range(y)[0] > day) y -= 1;
  const current = range(y);
  const ended = current[1] < day;
  if (which === "last" || which === "past") return ended ? current : range(y - 1);
  if (which === "next") return range(y + 1);
  if (which === "this" || which === "the") {
    if (ended && tense === "future") return range(y + 1);
    return current;
  }
  return tense === "future" && ended ? range(y + 1) : current;
}

function dayMonth(d: number, monthName: string, day: string, tense: Tense): Range | null {
  const mm = monthNumber(monthName);
  if (mm === 0) return null;
  const date = makeDay(yearFor(mm, d, day, tense), mm, d);
  return isCalendarDate(date) ? [date, date] : null;
}

function dayRange(
  from: number,
  to: number,
  monthName: string,
  yearText: string | undefined,
  day: string,
  tense: Tense,
): Range | null {
  const mm = monthNumber(monthName);
  if (mm === 0 || from > to) return null;
  const y = yearText ? Number(yearText) : yearFor(mm, from, day, tense);
  const range: Range = [makeDay(y, mm, from), makeDay(y, mm, to)];
  return isCalendarDate(range[0]) && isCalendarDate(range[1]) ? range : null;
}

/**
 * The news expressions chrono does not read as a reporter means them, resolved against `day`;
 * with `fallback`, only the rules that yield to any other reading (bare years).
 */
export function findNewsExpressions(
  text: string,
  day: string,
  options: { fallback: boolean } = { fallback: false },
): CandidateDate[] {
  const found: CandidateDate[] = [];
  const digit = /\d/.test(text);
  // Lower-cased when a rule with cues is first reached (the fallback rules have none).
  let lower: string | undefined;
  for (const rule of NEWS_RULES) {
    if ((rule.fallback ?? false) !== options.fallback) continue;
    if (rule.digit && !digit) continue;
    if (rule.cues.length > 0) {
      lower ??= text.toLowerCase();
      const cased = lower;
      if (!rule.cues.some((cue) => cased.includes(cue))) continue;
    }
    for (const match of text.matchAll(rule.pattern)) {
      const index = match.index ?? 0;
      const tense = tenseAt(text, index, index + match[0].length);
      const range = rule.resolve(match as RegExpExecArray, day, tense, text);
      if (!range) continue;
      found.push({
        index,
        text: match[0],
        start: range[0],
        end: range[1],
        rule: rule.name,
        confidence: rule.confidence,
        tense,
      });
    }
  }
  return found;
}
