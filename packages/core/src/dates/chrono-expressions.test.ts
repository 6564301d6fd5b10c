import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-support/sentences-of.js";
import { findChronoExpressions, readChronoExpressions } from "./chrono-expressions.js";

// Date words in several cases and spellings, words that begin like month names, numbers in the
// shapes chrono reads (slash and ISO dates, clock times, counts of time units) and plain words.
const WORDS = [
  "on",
  "Monday",
  "wednesday",
  "Tues.",
  "today",
  "Yesterday",
  "tonight",
  "last",
  "next",
  "week",
  "weekend",
  "month",
  "year",
  "ago",
  "morning",
  "evening",
  "noon",
  "midnight",
  "January",
  "Jan.",
  "jan",
  "Feb",
  "March",
  "Mar.",
  "April",
  "May",
  "may",
  "June",
  "Jul",
  "Aug.",
  "Sept.",
  "Sep",
  "October",
  "Nov",
  "Dec.",
  "December",
  "market",
  "marked",
  "decline",
  "decided",
  "separate",
  "novel",
  "octane",
  "junk",
  "augment",
  "janitor",
  "5",
  "15",
  "31",
  "2021",
  "1987",
  "3/4",
  "5/8/1987",
  "2021-08-31",
  "10:30",
  "5 pm",
  "in 60 days",
  "2 hours",
  "3 yrs",
  "72 hrs",
  "5d",
  "2weeks",
  "1.5 qtr",
  "10 mln",
  "dlrs",
  "past",
  "later",
  "before",
  "earlier",
  "+",
  "september2001",
  "5Sept",
  "04/1987",
  "12.03.87",
  "2012/12/5",
  "41-1/4",
  "within",
  "for",
  "the",
  "said",
  "rose",
  "to",
  "at",
  ",",
  ".",
];

const sentence = sentencesOf(WORDS, 12);

describe("findChronoExpressions", () => {
  it("finds what chrono's full reading finds: its quick test never drops a sentence with a date", () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(findChronoExpressions(text, "2021-09-02")).toEqual(
          readChronoExpressions(text, "2021-09-02"),
        );
      }),
      { numRuns: 2000, seed: 20261121 },
    );
  });

  it("does not parse a sentence whose only near-date words are not dates", () => {
    expect(findChronoExpressions("The market declined on separate news.", "2021-09-02")).toEqual(
      [],
    );
    expect(findChronoExpressions("Talks resumed on Sept. 3.", "2021-09-10")).toMatchObject([
      { text: "Sept. 3", start: "2021-09-03", end: "2021-09-03" },
    ]);
  });
});

describe("readChronoExpressions' reader", () => {
  it("reads counts of time units spelled out, as chrono's casual parser does", () => {
    const read = (text: string) =>
      readChronoExpressions(text, "2021-09-10").map(({ text, start, end }) => ({
        text,
        start,
        end,
      }));
    expect(read("The well blew out three days ago.")).toEqual([
      { text: "three days ago", start: "2021-09-07", end: "2021-09-07" },
    ]);
    expect(read("A vote is due in 10 days, they said.")).toEqual([
      { text: "in 10 days", start: "2021-09-20", end: "2021-09-20" },
    ]);
    expect(read("Fighting resumed on Wednesday at 5 pm.")).toMatchObject([
      { start: "2021-09-08", end: "2021-09-08" },
    ]);
  });

  it("leaves abbreviated units unread: '3d ago' and '5 hrs ago' are the strict parsers' misses", () => {
    expect(readChronoExpressions("It was posted 3d ago.", "2021-09-10")).toEqual([]);
    expect(readChronoExpressions("Officials said 5 hrs ago.", "2021-09-10")).toEqual([]);
  });
});
