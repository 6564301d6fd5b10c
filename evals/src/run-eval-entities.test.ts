import { describe, expect, it } from "vitest";
import { goldForms, mergeScores, plausibleAlias } from "./run-eval-entities.js";

const CONLL = [
  "#begin document 0/-/0_L; part 000",
  "0/-/0_L\t0\t0\tPresident\t(0_USA_Trump_ACTOR",
  "0/-/0_L\t0\t1\tTrump\t0_USA_Trump_ACTOR)",
  "0/-/0_L\t0\t2\tmet\t-",
  "0/-/0_L\t0\t3\tKim\t(0_PRK_Kim_ACTOR",
  "0/-/0_L\t0\t4\tJong\t-",
  "0/-/0_L\t0\t5\tUn\t0_PRK_Kim_ACTOR)",
  "0/-/0_L\t0\t6\tand\t-",
  "0/-/0_L\t0\t7\tits\t(0_PRK_COUNTRY)",
  "0/-/0_L\t0\t8\tsummit\t(0_Summit_EVENT)",
  "",
  "#begin document 1/-/1_M; part 000",
  "1/-/1_M\t0\t0\tDonald\t(1_USA_Trump_ACTOR",
  "1/-/1_M\t0\t1\tTrump\t1_USA_Trump_ACTOR)",
  "1/-/1_M\t0\t2\tand\t-",
  "1/-/1_M\t0\t3\tMr.\t(1_PRK_Kim_ACTOR",
  "1/-/1_M\t0\t4\tKim\t1_PRK_Kim_ACTOR)",
].join("\n");

describe("the entities evaluation", () => {
  it("reads the named forms of NewsWCL50, titles off, one cluster across events", () => {
    expect(goldForms(CONLL)).toEqual(
      new Map([
        ["Trump", "USA_Trump_ACTOR"],
        ["Kim Jong Un", "PRK_Kim_ACTOR"],
        ["Donald Trump", "USA_Trump_ACTOR"],
        ["Kim", "PRK_Kim_ACTOR"],
      ]),
    );
  });

  it("scores merged pairs against the gold's, every gold form counting", () => {
    const gold = goldForms(CONLL);
    const entity = (id: string, name: string, aliases: string[]) => ({
      id,
      name,
      kind: "person" as const,
      aliases,
    });
    const scores = mergeScores(gold, [
      entity("e1", "Donald Trump", ["Trump", "Kim"]),
      entity("e2", "Kim Jong Un", []),
    ]);
    expect(scores).toMatchObject({ forms: 4, merged: 3, correct: 1, gold: 2 });
    expect(scores.precision).toBeCloseTo(1 / 3);
    expect(scores.recall).toBeCloseTo(1 / 2);
    expect(scores.wrong).toEqual([
      ["Donald Trump", "Kim"],
      ["Kim", "Trump"],
    ]);
  });

  it("judges an alias plausible as a case, a part, initials or a near spelling of the name", () => {
    expect(plausibleAlias("British Petroleum", "BP")).toBe(true);
    expect(plausibleAlias("United States", "U.S.")).toBe(true);
    expect(plausibleAlias("United States", "U.K.")).toBe(false);
    expect(plausibleAlias("US", "United States")).toBe(true);
    expect(plausibleAlias("U.S.", "United States")).toBe(true);
    expect(plausibleAlias("US", "U.S. District")).toBe(false);
    expect(plausibleAlias("UK", "United States")).toBe(false);
    expect(plausibleAlias("Barack Obama", "Obama")).toBe(true);
    expect(plausibleAlias("Ahmad Massoud", "Ahmad Masood")).toBe(true);
    expect(plausibleAlias("Tony Hayward", "HAYWARD")).toBe(true);
    expect(plausibleAlias("Barack Obama", "Alabama")).toBe(false);
    expect(plausibleAlias("BP PLC", "Brad Pitt")).toBe(false);
  });
});
