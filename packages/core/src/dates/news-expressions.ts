import {
  daysBetween,
  lastDayOfMonth,
  makeDay,
  monthRange,
  shiftDay,
  weekdayOf,
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
interface NewsRule {
  name: string;
  /** A fallback rule applies only where no other reading covers the text (a bare year). */
  fallback?: boolean;
  pattern: RegExp;
  confidence: number;
  resolve: (match: RegExpExecArray, day: string, tense: Tense) => Range | null;
}

const year = (day: string) => Number(day.slice(0, 4));
const month = (day: string) => Number(day.slice(5, 7));
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

/** With no tense to go by, the occurrence nearest to `day`. */
function nearestYear(m: number, d: number, day: string): number {
  const past = yearFor(m, d, day, "past");
  const future = yearFor(m, d, day, "future");
  const distance = (y: number) => Math.abs(daysBetween(day, makeDay(y, m, Math.min(d, 28))));
  return distance(future) < distance(past) ? future : past;
}

/**
 * The year that puts a day and month on or before `day` (past) or on or after it (future); a leap
 * day looks further, to the nearest leap year.
 */
export function yearFor(m: number, d: number, day: string, tense: Tense): number {
  const y = year(day);
  if (tense === "unmarked") return nearestYear(m, d, day);
  for (let step = 0; step < 8; step++) {
    const candidate = tense === "past" ? y - step : y + step;
    const date = makeDay(candidate, m, d);
    if (isCalendarDate(date) && (tense === "past" ? date <= day : date >= day)) return candidate;
  }
  return y;
}

const RULES: NewsRule[] = [
  {
    name: "weekend",
    pattern: /\b(?:at|over|during|on) the weekend\b|\b(this|last|past|next) weekend\b/gi,
    confidence: 0.75,
    resolve: (m, day, tense) => weekend(day, tense, m[1] ?? ""),
  },
  {
    name: "recent-period",
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
    pattern: /\b(early|mid|late)(?:-| in | )(last|this|next) (month|year)\b/gi,
    confidence: 0.55,
    resolve: (m, day) => part(m[1] ?? "", periodOf(m[3] ?? "", day, offsetOf(m[2] ?? ""))),
  },
  {
    name: "part-of-month",
    pattern: new RegExp(
      `\\b(early|mid|late)(?:-| in | )(${MONTH_PATTERN})(?:,? (\\d{4}))?\\b`,
      "gi",
    ),
    confidence: 0.55,
    resolve: (m, day, tense) => {
      const mm = monthNumber(m[2] ?? "");
      if (mm === 0) return null;
      const y = m[3] ? Number(m[3]) : yearFor(mm, 1, day, tense);
      return part(m[1] ?? "", monthRange(y, mm));
    },
  },
  {
    name: "relative-period",
    pattern: /\b(last|this|next|past) (week|month|year)\b/gi,
    confidence: 0.7,
    resolve: (m, day, tense) => {
      const range = periodOf(m[2] ?? "", day, offsetOf(m[1] ?? ""));
      return m[1]?.toLowerCase() === "this" && tense === "past" ? clipEnd(range, day) : range;
    },
  },
  {
    name: "day-range",
    pattern: new RegExp(
      `\\b(?:between|from) (\\d{1,2})(?:st|nd|rd|th)? (?:and|to|until|-|–) (\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_PATTERN})(?:,? (\\d{4}))?`,
      "gi",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayRange(Number(m[1]), Number(m[2]), m[3] ?? "", m[4], day, tense),
  },
  {
    name: "day-range",
    pattern: new RegExp(
      `\\b(?:between|from) (${MONTH_PATTERN}) (\\d{1,2})(?:st|nd|rd|th)? (?:and|to|until|-|–) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?`,
      "gi",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayRange(Number(m[2]), Number(m[3]), m[1] ?? "", m[4], day, tense),
  },
  {
    name: "month-of-year",
    pattern: new RegExp(`\\b(last|this|next) (${CAPITAL_MONTH_PATTERN})\\b(?! \\d)`, "gi"),
    confidence: 0.8,
    resolve: (m, day) => {
      const mm = monthNumber(m[2] ?? "");
      if (mm === 0) return null;
      const which = (m[1] ?? "").toLowerCase();
      // "last May" is May of the year before; "next May" the first May after this month.
      const y =
        which === "last"
          ? year(day) - 1
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
    pattern: new RegExp(
      `\\b(${CAPITAL_MONTH_PATTERN}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})(?![:.]?\\d)`,
      "g",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayMonth(Number(m[2]), m[1] ?? "", day, tense),
  },
  {
    name: "day-month",
    pattern: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${CAPITAL_MONTH_PATTERN})(?!,? \\d{4})(?![\\p{L}])`,
      "gu",
    ),
    confidence: 0.85,
    resolve: (m, day, tense) => dayMonth(Number(m[1]), m[2] ?? "", day, tense),
  },
  {
    name: "quarter",
    pattern:
      /\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?|\bQ([1-4])(?:\s+((?:19|20)\d\d))?\b/gi,
    confidence: 0.8,
    resolve: (m, day, tense) =>
      quarter(QUARTERS[(m[1] ?? "").toLowerCase()] ?? Number(m[3]), m[2] ?? m[4], day, tense),
  },
  {
    name: "vague-present",
    pattern: /\b(?:right now|now|currently|at present|at the moment|these days|nowadays)\b/gi,
    confidence: 0.5,
    resolve: (_m, day) => [day, day],
  },
  {
    name: "vague-past",
    pattern: /\b(?:recently|lately|previously|in the past|formerly)\b/gi,
    confidence: 0.3,
    resolve: (_m, day) => [shiftDay(day, -365), shiftDay(day, -1)],
  },
  {
    name: "vague-future",
    pattern: /\b(?:soon|in the future|in the coming (?:days|weeks|months))\b/gi,
    confidence: 0.3,
    resolve: (_m, day) => [shiftDay(day, 1), shiftDay(day, 365)],
  },
  {
    name: "year",
    fallback: true,
    pattern: /(?<![$£€\d.,/-])\b((?:1[5-9]|20)\d\d)\b(?![-–/]\d)(?!,\d)(?!\s*(?:%|percent|[a-z]))/g,
    confidence: 0.9,
    resolve: (m) => yearRange(Number(m[1])),
  },
  {
    name: "decade",
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
  return w === "last" || w === "past" ? -1 : w === "next" ? 1 : 0;
}

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

/** A calendar quarter; without a year, the latest one begun by `day` (the next in future tense). */
function quarter(q: number, yearText: string | undefined, day: string, tense: Tense): Range | null {
  if (!(q >= 1 && q <= 4)) return null;
  const startMonth = 3 * (q - 1) + 1;
  let y = yearText ? Number(yearText) : year(day);
  if (!yearText) {
    const begins = makeDay(y, startMonth, 1);
    if (tense === "future" && lastDayOfMonth(y, startMonth + 2) < day) y += 1;
    else if (tense !== "future" && begins > day) y -= 1;
  }
  return [makeDay(y, startMonth, 1), lastDayOfMonth(y, startMonth + 2)];
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
  for (const rule of RULES) {
    if ((rule.fallback ?? false) !== options.fallback) continue;
    for (const match of text.matchAll(rule.pattern)) {
      const index = match.index ?? 0;
      const tense = tenseAt(text, index, index + match[0].length);
      const range = rule.resolve(match as RegExpExecArray, day, tense);
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
