import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, hasAtMostWords } from "./text-shape.js";

describe("hasAtMostWords", () => {
  it("agrees with counting every word, for any text and bound", () => {
    const text = fc.array(
      fc.constantFrom("word", "Ünïcode", "it’s", "-", " ", "  ", "42", ",", "\n", "état-major"),
      {
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (parts, max) => {
        const joined = parts.join("");
        expect(hasAtMostWords(joined, max)).toBe(countWords(joined) <= max);
      }),
    );
  });

  it("counts words made of letters", () => {
    expect(hasAtMostWords("Sign up for our newsletter today.", 6)).toBe(true);
    expect(hasAtMostWords("Sign up for our newsletter today.", 5)).toBe(false);
    expect(hasAtMostWords("42 , 7", 0)).toBe(true);
  });
});
