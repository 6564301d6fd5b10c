import { describe, expect, it } from "vitest";
import { rougeScores } from "./align-rouge.js";
import { timelineOf } from "./timeline.js";

describe("rougeScores", () => {
  // tilse's documented toy case (EVALUATION.md): two reference timelines, one prediction.
  const predicted = timelineOf([
    ["2010-01-01", ["Just a test .", "Another sentence ."]],
    ["2010-01-03", ["Some more content .", "Even more !"]],
  ]);
  const references = [
    timelineOf([
      ["2010-01-02", ["Just a test ."]],
      ["2010-01-04", ["This one does not match ."]],
    ]),
    timelineOf([["2010-01-05", ["Another timeline !"]]]),
  ];

  it("matches tilse's concat and align+ m:1 ROUGE-1 on its toy example", () => {
    const scores = rougeScores(predicted, references);
    expect(scores.concat.rouge1.precision).toBeCloseTo(1 / 6, 10);
    expect(scores.concat.rouge1.recall).toBeCloseTo(1 / 3, 10);
    expect(scores.concat.rouge1.f).toBeCloseTo(2 / 9, 10);
    expect(scores.align.rouge1.precision).toBeCloseTo(1 / 12, 10);
    expect(scores.align.rouge1.recall).toBeCloseTo(1 / 6, 10);
    expect(scores.align.rouge1.f).toBeCloseTo(1 / 9, 10);
  });

  it("gives a perfect score to the reference itself, and nothing to an empty prediction", () => {
    const reference = references[0] as ReturnType<typeof timelineOf>;
    const self = rougeScores(reference, [reference]);
    expect(self.align.rouge1).toEqual({ precision: 1, recall: 1, f: 1 });
    expect(rougeScores(timelineOf([]), [reference]).align.rouge1).toEqual({
      precision: 0,
      recall: 0,
      f: 0,
    });
  });
});
