import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseWhitespace, countWords, hasAtMostWords, lineKey } from "./text-shape.js";

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

// The pieces a page's text is made of, plain and otherwise: what the shortcuts must not miss.
const PIECES = [
  "Word",
  "ÉTAT",
  " ",
  "  ",
  "\t",
  "\n",
  "\u00a0",
  "\u2009",
  "\u3000",
  "`",
  "``",
  "’",
  "“",
  "—",
  "...",
  "…",
  "ﬁ",
  "Ⅻ",
  "x",
];

describe("collapseWhitespace", () => {
  it("makes every run of white space one space and trims the ends, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, " ").trim());
      }),
    );
  });
});

describe("lineKey", () => {
  it("keys ASCII lines as it keys any line: normalised, lower case, quotes and dashes unified", () => {
    const slow = (text: string) =>
      text
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[‘’‚‛′`]/g, "'")
        .replace(/[“”„‟″«»]/g, '"')
        .replace(/[‐‑‒–—―]/g, "-")
        .replace(/(\.\.\.|…)\s*$/u, "")
        .replace(/\s+/g, " ")
        .trim();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(lineKey(text)).toBe(slow(text));
      }),
    );
    expect(lineKey("``Oil  spill'' ...")).toBe("''oil spill''");
    expect(lineKey("The ﬁrst — well…")).toBe("the first - well");
  });
});
