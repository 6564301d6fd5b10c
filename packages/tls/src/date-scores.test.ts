import { describe, expect, it } from "vitest";
import { dateScores, fScore } from "./date-scores.js";
import { parseTimelineFile, timelineOf } from "./timeline.js";

describe("dateScores", () => {
  it("scores exact days", () => {
    const predicted = timelineOf([
      ["2010-01-01", ["a"]],
      ["2010-01-03", ["b"]],
      ["2010-01-05 00:00:00", ["c"]],
    ]);
    const reference = timelineOf([
      ["2010-01-03", ["x"]],
      ["2010-01-05", ["y"]],
      ["2010-01-06", ["z"]],
      ["2010-01-07", ["w"]],
    ]);
    const scores = dateScores(predicted, reference);
    expect(scores.precision).toBeCloseTo(2 / 3);
    expect(scores.recall).toBeCloseTo(2 / 4);
    expect(scores.f).toBeCloseTo(fScore(2 / 3, 1 / 2));
    expect(dateScores(timelineOf([]), reference)).toEqual({ precision: 0, recall: 0, f: 0 });
  });
});

describe("parseTimelineFile", () => {
  it("reads days, sentences and separators", () => {
    const timeline = parseTimelineFile(
      "2010-09-19\nThe well is sealed .\n--------------------------------\n2010-09-17\nBP pumps cement .\nA second line .\n---------\n",
    );
    expect([...timeline]).toEqual([
      ["2010-09-17", ["BP pumps cement .", "A second line ."]],
      ["2010-09-19", ["The well is sealed ."]],
    ]);
  });
});
