import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-support/sentences-of.js";
import {
  inferPublished,
  latestPastDate,
  resolveStatedDates,
  statedDays,
} from "./infer-published.js";

describe("inferPublished", () => {
  it("is not before the latest date the story reports as past, and within a month of it", () => {
    const estimate = inferPublished(
      "The war began on February 24, 2022. Talks were held on March 10, 2022, and failed.",
    );
    expect([estimate.start, estimate.end]).toEqual(["2022-03-10", "2022-04-09"]);
    expect(estimate.evidence[0]).toEqual({
      text: "March 10, 2022",
      rule: "inferred:latest-past-date",
    });
    expect(estimate.confidence).toBeLessThan(0.5);
  });

  it("is narrowed to the month or year a dated day is said to be in", () => {
    const month = inferPublished("Earlier this month, on August 5, 2021, the Taliban took Kunduz.");
    expect([month.start, month.end]).toEqual(["2021-08-05", "2021-08-31"]);
    expect(month.evidence.at(-1)).toEqual({
      text: "Earlier this month",
      rule: "inferred:period-beside-date",
    });
    const last = inferPublished("The bill passed last month, on December 20, 2021.");
    expect([last.start, last.end]).toEqual(["2022-01-01", "2022-01-19"]);
    // A period in another sentence says nothing about the day.
    const apart = inferPublished("Prices rose this month. The bill passed on July 20, 2021.");
    expect([apart.start, apart.end]).toEqual(["2021-07-20", "2021-08-19"]);
  });

  it("ends at a date the story announces as still to come", () => {
    const estimate = inferPublished(
      "The vote took place on March 10, 2022. Results will be published on March 20, 2022.",
    );
    expect([estimate.start, estimate.end]).toEqual(["2022-03-10", "2022-03-20"]);
  });

  it("leaves yearless dates alone without a corpus context, and uses them with one", () => {
    const text = "On August 15, Taliban fighters swept into Kabul.";
    expect(inferPublished(text).precision).toBe("unknown");
    const estimate = inferPublished(text, {
      context: { start: "2021-10-21", end: "2022-01-15", evidence: "two articles about Kabul" },
    });
    expect([estimate.start, estimate.end]).toEqual(["2021-08-15", "2021-09-14"]);
    expect(estimate.evidence).toContainEqual({
      text: "two articles about Kabul",
      rule: "inferred:corpus-context",
    });
  });

  it("falls back on the context itself, with low confidence, when the story has no date", () => {
    const estimate = inferPublished("Talks were held on Wednesday.", {
      context: { start: "2021-08-15", end: "2021-10-21" },
    });
    expect([estimate.start, estimate.end, estimate.confidence]).toEqual([
      "2021-08-15",
      "2021-10-21",
      0.2,
    ]);
  });

  it("finds the latest past date with a stated year", () => {
    expect(latestPastDate("Born on May 2, 1950, he died on June 3, 2020.")?.text).toBe(
      "June 3, 2020",
    );
    expect(latestPastDate("He died on June 3.")).toBeUndefined();
  });
});

describe("resolveStatedDates", () => {
  it("keeps only expressions that state the year they are read as", () => {
    // Read against no date, "after 1530 hrs" is a clock time on some day of another year. "In
    // 2002 S" was once misread as 2,002 seconds (chrono's casual units), now it is the year.
    expect(resolveStatedDates("Orders were not placed until after 1530 hrs.")).toEqual([]);
    const read = (text: string) =>
      resolveStatedDates(text).map((r) => [r.text, r.estimate.start, r.estimate.end]);
    expect(read("In 2002 S&N and United agreed to form a partnership.")).toEqual([
      ["2002", "2002-01-01", "2002-12-31"],
    ]);
    expect(read("The joint venture was established in May 2003.")).toEqual([
      ["May 2003", "2003-05-01", "2003-05-31"],
    ]);
  });
});

// Years, months, numeric dates, clock times and plain words: lines that may or may not hold a day.
const WORDS = [
  "in",
  "on",
  "1987",
  "2021",
  "1530",
  "hrs",
  "March",
  "may",
  "Dec.",
  "12",
  "3rd",
  "12/03/1987",
  "1987-03-12",
  "12.03.87",
  "Monday",
  "last",
  "week",
  "the",
  "budget",
  ",",
  ".",
  "\n",
];

describe("statedDays", () => {
  it("finds the days resolveStatedDates finds: its quick test drops no line with a day", () => {
    const line = sentencesOf(WORDS, 10);
    fc.assert(
      fc.property(line, (text) => {
        expect(statedDays(text)).toEqual(
          resolveStatedDates(text).filter((r) => r.estimate.precision === "day"),
        );
      }),
      { numRuns: 2000, seed: 20261121 },
    );
  });
});
