import { describe, expect, it } from "vitest";
import { describeDate, formatDateRange } from "./describe-date.js";
import { resolveDates } from "./resolve-dates.js";

describe("formatDateRange", () => {
  it.each([
    ["2021-08-25", "2021-08-25", "Wed 25 Aug 2021"],
    ["2021-08-23", "2021-08-29", "23–29 Aug 2021"],
    ["2021-08-30", "2021-09-05", "30 Aug – 5 Sep 2021"],
    ["2021-12-30", "2022-01-02", "30 Dec 2021 – 2 Jan 2022"],
    ["2021-08-01", "2021-08-31", "Aug 2021"],
    ["2021-07-01", "2021-09-30", "Jul–Sep 2021"],
    ["2021-01-01", "2021-12-31", "2021"],
    ["1990-01-01", "1999-12-31", "1990–1999"],
    ["2024-02-01", "2024-02-29", "Feb 2024"],
  ])("%s..%s is %s", (start, end, expected) => {
    expect(formatDateRange({ start, end })).toBe(expected);
  });

  it("says what it does not know", () => {
    expect(formatDateRange({ start: null, end: null })).toBe("date unknown");
    expect(formatDateRange({ start: "2021-08-15", end: null })).toBe("after Sun 15 Aug 2021");
  });
});

describe("describeDate", () => {
  it("shows the expression and the article date it was read against", () => {
    const [talks] = resolveDates("The first direct talks were held on Wednesday.", {
      start: "2021-08-25",
      end: "2021-08-26",
    });
    // The article of 25-26 Aug makes it Wednesday 25 Aug either way.
    expect(describeDate(talks!.estimate)).toBe(
      "Wed 25 Aug 2021 (from 'on Wednesday' in an article of 25–26 Aug)",
    );
  });

  it("shows the expression alone when the text dates itself", () => {
    const [day] = resolveDates("It ended on August 31, 2021.", "2021-09-06");
    expect(describeDate(day!.estimate)).toBe(
      "Tue 31 Aug 2021 (from 'August 31, 2021' in an article of Mon 6 Sep)",
    );
  });
});
