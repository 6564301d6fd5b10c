import { describe, expect, it } from "vitest";
import { nameKey, sameNameWord } from "./name-key.js";

describe("sameNameWord", () => {
  it("takes transliterations and slips for one name", () => {
    for (const [a, b] of [
      ["Massoud", "Masood"],
      ["Amrullah", "Amrula"],
      ["Panjsher", "Panjshir"],
      ["Panshir", "Panjshir"],
      ["Mohammed", "Muhammad"],
      ["Louisiana", "Lousiana"],
      ["HAYWARD", "Hayward"],
    ])
      expect(sameNameWord(a as string, b as string), `${a} / ${b}`).toBe(true);
  });

  it("keeps apart names that only read alike", () => {
    expect(nameKey("Hayward")).toBe(nameKey("Howard"));
    for (const [a, b] of [
      ["Hayward", "Howard"],
      ["Paryan", "Parwan"],
      ["Lessons", "Louisiana"],
      ["Ian", "Ann"],
    ])
      expect(sameNameWord(a as string, b as string), `${a} / ${b}`).toBe(false);
  });
});
