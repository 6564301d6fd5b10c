import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-support/sentences-of.js";
import { findNewsExpressions } from "./news-expressions.js";
import { NEWS_RULES } from "./news-rules.js";

// Words the rules are made of, in the cases news writes them, and words that only look close.
const WORDS = [
  "at",
  "over",
  "during",
  "on",
  "the",
  "this",
  "last",
  "past",
  "next",
  "weekend",
  "Weekend",
  "in",
  "recent",
  "past few",
  "last couple of",
  "days",
  "weeks",
  "months",
  "earlier",
  "later",
  "Later",
  "week",
  "month",
  "year",
  "YEAR",
  "quarter",
  "early",
  "mid",
  "late",
  "mid-",
  "between",
  "from",
  "and",
  "to",
  "until",
  "-",
  "–",
  "of",
  "January",
  "Jan.",
  "March",
  "May",
  "may",
  "Sept",
  "December",
  "1",
  "15",
  "31st",
  "2nd",
  "1987",
  "2021",
  "a year ago",
  "year-ago",
  "one year earlier",
  "the latest",
  "most recent",
  "period",
  "three months",
  "current",
  "full",
  "calendar",
  "spring",
  "Summer",
  "fall",
  "autumn",
  "winter",
  "first",
  "third-quarter",
  "4th",
  "Q3",
  "q1",
  "right now",
  "now",
  "currently",
  "at present",
  "at the moment",
  "these days",
  "nowadays",
  "recently",
  "lately",
  "in the past",
  "in the near future",
  "in the coming",
  "the 1990s",
  "1,500",
  "1500s",
  "market",
  "decline",
  "season",
  "nowhere",
  "quarters",
  ",",
  ".",
];

const sentence = sentencesOf(WORDS, 14);

describe("news rules' cues", () => {
  it("are in every match of their rule, so a text without them can be skipped", () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const lower = text.toLowerCase();
        for (const rule of NEWS_RULES)
          for (const match of text.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
            const found = match[0].toLowerCase();
            if (rule.cues.length > 0)
              expect(
                rule.cues.some((cue) => found.includes(cue)),
                `${rule.name}: '${match[0]}'`,
              ).toBe(true);
            if (rule.digit) expect(/\d/.test(match[0]), `${rule.name}: '${match[0]}'`).toBe(true);
            expect(lower.includes(found)).toBe(true);
          }
      }),
      { numRuns: 3000, seed: 20261121 },
    );
  });

  it("leave the rules' readings as they are", () => {
    const found = findNewsExpressions(
      "Over the past few weeks, and again earlier this month, in early March and on May 5, sales in the third quarter rose from the 1990s level, currently.",
      "2021-09-02",
    );
    expect(found.map((f) => [f.rule, f.text])).toEqual([
      ["recent-period", "Over the past few weeks"],
      ["earlier-later-period", "earlier this month"],
      ["part-of-month", "early March"],
      ["relative-period", "this month"],
      ["day-month", "May 5"],
      ["quarter", "third quarter"],
      ["vague-present", "currently"],
      ["decade", "the 1990s"],
    ]);
  });
});
