import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rougeScores } from "./align-rouge.js";
import { dateScores } from "./date-scores.js";
import { timelineOf } from "./timeline.js";

// The reference tool's own scores (tilse with ROUGE-1.5.5) for two systems' timelines on 12
// Timeline17 tasks, kept in ../shared (never copied into the project). Skipped when it is absent.
const FIXTURES = fileURLToPath(
  new URL("../../../../shared/data/tls/metric-fixtures/", import.meta.url),
);
const present = existsSync(FIXTURES);
if (!present) console.log(`skipped the reference-tool fixtures: ${FIXTURES} is absent`);

type Entries = [string, string[]][];
interface Expected {
  precision: number;
  recall: number;
  f_score: number;
}
interface Fixture {
  timeline: string;
  gold: Entries;
  prediction: Entries;
  expected: Record<"alignment_rouge_1" | "alignment_rouge_2" | "date", Expected>;
}

const fixtures = (file: string): Fixture[] =>
  present
    ? readFileSync(`${FIXTURES}${file}`, "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Fixture)
    : [];

/**
 * Two of the 96 alignment figures differ from the reference tool by more than 1e-3 (at most
 * 0.0016): in each, one predicted day sits between two reference days whose alignment costs differ
 * by less than 0.3 %, and the reference tool picked the other one, which its ROUGE counts confirm
 * (re-aligning those days reproduces its scores exactly). Listed here so any new deviation fails.
 */
const NEAR_TIES: Record<string, number> = { "clust.jsonl bpoil_guardian#1": 0.002 };

describe.skipIf(!present)("scores of the reference tool (tilse + ROUGE-1.5.5)", () => {
  for (const file of ["clust.jsonl", "pegasus-large.jsonl"]) {
    it(`matches date and alignment ROUGE scores of ${file} to 1e-3`, () => {
      const cases = fixtures(file);
      expect(cases.length).toBeGreaterThan(0);
      for (const fixture of cases) {
        // tilse keeps the later of two entries for one day (a Python dict), so this does too.
        const gold = timelineOf(fixture.gold, { duplicateDays: "last" });
        const predicted = timelineOf(fixture.prediction, { duplicateDays: "last" });
        const rouge = rougeScores(predicted, [gold]);
        const tolerance = NEAR_TIES[`${file} ${fixture.timeline}`] ?? 1e-3;
        const pairs = [
          ["date", dateScores(predicted, gold), 1e-9],
          ["alignment_rouge_1", rouge.align.rouge1, tolerance],
          ["alignment_rouge_2", rouge.align.rouge2, tolerance],
        ] as const;
        for (const [metric, ours, within] of pairs) {
          const theirs = fixture.expected[metric];
          const where = `${fixture.timeline} ${metric}`;
          expect(Math.abs(ours.precision - theirs.precision), `${where} precision`).toBeLessThan(
            within,
          );
          expect(Math.abs(ours.recall - theirs.recall), `${where} recall`).toBeLessThan(within);
          expect(Math.abs(ours.f - theirs.f_score), `${where} F`).toBeLessThan(within);
        }
      }
    });
  }

  it("matches the toy example's concat and align+ m:1 ROUGE-1", () => {
    const toy = JSON.parse(readFileSync(`${FIXTURES}toy-example.json`, "utf8")) as {
      predicted: Record<string, string[]>;
      references: Record<string, string[]>[];
      expected: Record<string, { rouge_1: Expected }>;
    };
    const scores = rougeScores(
      timelineOf(Object.entries(toy.predicted)),
      toy.references.map((r) => timelineOf(Object.entries(r))),
    );
    const expected = (prefix: string) => {
      const key = Object.keys(toy.expected).find((k) => k.startsWith(prefix));
      return toy.expected[key ?? ""]?.rouge_1 as Expected;
    };
    for (const [ours, theirs] of [
      [scores.concat.rouge1, expected("concat")],
      [scores.align.rouge1, expected("align_date_content_costs_many_to_one")],
    ] as const) {
      expect(ours.precision).toBeCloseTo(theirs.precision, 9);
      expect(ours.recall).toBeCloseTo(theirs.recall, 9);
      expect(ours.f).toBeCloseTo(theirs.f_score, 9);
    }
  });
});
