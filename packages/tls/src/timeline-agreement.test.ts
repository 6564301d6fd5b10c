import { describe, expect, it } from "vitest";
import type { GoldTimeline } from "./read-topic.js";
import { timelineOf } from "./timeline.js";
import { timelineAgreement } from "./timeline-agreement.js";

const gold = (folder: string, entries: [string, string[]][]): GoldTimeline => ({
  folder,
  file: `${folder}.txt`,
  timeline: timelineOf(entries),
});

describe("timelineAgreement", () => {
  const alpha = gold("alpha", [
    ["2020-01-01", ["The river rose ."]],
    ["2020-01-03", ["The barrier held ."]],
  ]);
  const beta = gold("beta", [
    ["2020-01-01", ["The river rose ."]],
    ["2020-01-05", ["Schools reopened ."]],
  ]);
  const pairs = timelineAgreement([alpha, beta]);

  it("scores every timeline as the prediction for every other", () => {
    expect(pairs.map((p) => `${p.other} -> ${p.gold}`)).toEqual([
      "beta/beta.txt -> alpha/alpha.txt",
      "alpha/alpha.txt -> beta/beta.txt",
    ]);
  });

  it("cuts the prediction to the gold timeline's first and last date", () => {
    // beta's 2020-01-05 lies after alpha's last date: only its 2020-01-01 is scored.
    expect(pairs[0]?.date).toEqual({ precision: 1, recall: 0.5, f: 2 / 3 });
    expect(pairs[0]?.ar1.precision).toBeCloseTo(1, 9);
    expect(pairs[0]?.ar1.recall).toBeCloseTo(0.5, 9);
    // Both of alpha's dates lie within beta's window; one of the two is beta's.
    expect(pairs[1]?.date).toEqual({ precision: 0.5, recall: 0.5, f: 0.5 });
  });
});
