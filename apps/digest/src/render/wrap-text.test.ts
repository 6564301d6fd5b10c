import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapText } from "./wrap-text.js";

describe("wrapText", () => {
  it("breaks at spaces with a hanging indent", () => {
    expect(wrapText("one two three four five", { width: 12, first: "* " })).toEqual([
      "* one two",
      "  three four",
      "  five",
    ]);
  });

  it("cuts a word longer than the line", () => {
    expect(wrapText(`a ${"x".repeat(25)}`, { width: 10 })).toEqual([
      "a",
      "xxxxxxxxxx",
      "xxxxxxxxxx",
      "xxxxx",
    ]);
  });

  it("never exceeds the width and keeps every character", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 30 }),
        (words) => {
          const text = words
            .map((w) => w.replace(/\s/g, ""))
            .filter(Boolean)
            .join(" ");
          const lines = wrapText(text, { width: 20, first: "- " });
          for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
          expect(lines.join("").replace(/[\s-]/g, "")).toBe(text.replace(/[\s-]/g, ""));
        },
      ),
    );
  });
});
