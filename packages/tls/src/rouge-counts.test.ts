import { describe, expect, it } from "vitest";
import { rougeTokens } from "./rouge-counts.js";

describe("rougeTokens", () => {
  it("lowercases, splits hyphens off, drops stopwords and stems words longer than three letters", () => {
    expect(rougeTokens(["The oil-spill costs BP $ 75m , officials said ."])).toEqual([
      "oil",
      "spill",
      "cost",
      "bp",
      "75m",
      "offici",
    ]);
  });

  it("looks irregular forms up in WordNet's exception lists before stemming", () => {
    expect(rougeTokens(["The rig sank and oil prices fell"])).toEqual([
      "rig",
      "sink",
      "oil",
      "price",
      "fall",
    ]);
  });

  it("keeps the bracket token ROUGE's list spells wrongly, drops the agency names it lists", () => {
    expect(rougeTokens(["-LRB- Reuters -RRB- spill"])).toEqual(["lrb", "rrb", "spill"]);
  });
});
