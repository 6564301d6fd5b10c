import { describe, expect, it } from "vitest";
import { articleText } from "./article-text.js";

describe("articleText", () => {
  it("joins paragraphs with blank lines and records where each starts", () => {
    const { text, offsets } = articleText({ paragraphs: ["One.", "Two two.", "Three."] });
    expect(text).toBe("One.\n\nTwo two.\n\nThree.");
    expect(offsets).toEqual([0, 6, 16]);
    expect(text.slice(offsets[1], offsets[1]! + "Two two.".length)).toBe("Two two.");
  });

  it("gives an empty text for an article without paragraphs", () => {
    expect(articleText({ paragraphs: [] })).toEqual({ text: "", offsets: [] });
  });
});
