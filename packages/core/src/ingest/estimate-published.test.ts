import { describe, expect, it } from "vitest";
import { estimatePublished } from "./estimate-published.js";

const header = { text: "Thursday, October 21, 2021", rule: "date-line:header" };
const dateLine = { text: "October 21, 2021", rule: "date-line" };

describe("estimatePublished", () => {
  it("prefers metadata to a date line", () => {
    const estimate = estimatePublished([
      dateLine,
      { text: "2021-10-20T08:00:00Z", rule: "meta:article:published_time", date: "2021-10-20" },
    ]);
    expect([estimate.start, estimate.confidence]).toEqual(["2021-10-20", 0.95]);
  });

  it("trusts a date above the headline less, and says why", () => {
    const estimate = estimatePublished([header], "Fighting went on in the valley.");
    expect(estimate.confidence).toBe(0.5);
    expect(estimate.evidence.map((e) => e.rule)).toEqual([
      "date-line:header",
      "caution:header-date",
    ]);
  });

  it("marks a date the story contradicts: a later day reported as past", () => {
    const estimate = estimatePublished([dateLine], "The talks ended on November 2, 2021.");
    expect(estimate.start).toBe("2021-10-21");
    expect(estimate.confidence).toBe(0.2);
    expect(estimate.evidence.at(-1)).toEqual({
      text: "the story reports 'November 2, 2021' as past, after this date",
      rule: "caution:disagrees-with-story",
    });
  });

  it("marks a date weeks after the story's own dates when the story speaks of this week", () => {
    const text = "The offensive began on September 1, 2021. Ten soldiers were killed this week.";
    const estimate = estimatePublished([dateLine], text);
    expect(estimate.confidence).toBe(0.2);
    expect(estimate.evidence.at(-1)?.text).toBe(
      "the story's latest own date, 'September 1, 2021', is 7 weeks earlier, yet it says 'this week'",
    );
  });

  it("keeps a date line that agrees with the story", () => {
    const text = "The offensive began on September 1, 2021, and has not stopped since.";
    expect(estimatePublished([dateLine], text).confidence).toBe(0.7);
  });

  it("infers a range from the story when nothing is stated", () => {
    const estimate = estimatePublished([], "The offensive began on September 1, 2021.");
    expect([estimate.start, estimate.end]).toEqual(["2021-09-01", "2021-10-01"]);
  });
});
