import { describe, expect, it } from "vitest";
import type { ArticleDraft } from "./article-draft.js";
import { dropStandingParagraphs } from "./standing-paragraphs.js";

const PROMO = "Get constant updates from our in-the-field reporters.";

/** A JSONL story of a source, published on `day`, with its own lead and the paragraphs given. */
function story(n: number, source: string, day: string, extra: string[]): ArticleDraft {
  return {
    title: "",
    paragraphs: [
      `Story ${n} of ${source}: crews worked on the well through the day on ${day}.`,
      ...extra,
    ],
    dates: [{ text: day, rule: "json:time" }],
    origin: { path: `${source}.jsonl:${n}`, format: "jsonl" },
  };
}

const DAYS = ["2010-06-01", "2010-06-02", "2010-06-03", "2010-06-04", "2010-06-05"];

describe("dropStandingParagraphs", () => {
  it("moves a source's paragraph printed in five stories on three days to the furniture", () => {
    const drafts = DAYS.map((day, n) => story(n, "fox", day, [PROMO]));
    for (const d of dropStandingParagraphs(drafts)) {
      expect(d.paragraphs).toHaveLength(1);
      expect(d.furniture).toEqual([PROMO]);
    }
  });

  it("keeps what one day's stories repeat, what other sources print, and never empties a draft", () => {
    const quote = "“I am the president and the buck stops with me,” Obama said.";
    const oneDay = DAYS.map((_, n) => story(n, "wire", "2010-05-28", [quote]));
    expect(dropStandingParagraphs(oneDay).map((d) => d.paragraphs.length)).toEqual([2, 2, 2, 2, 2]);
    // Five stories of five sources: no source prints it five times.
    const spread = DAYS.map((day, n) => story(n, `outlet${n}`, day, [PROMO]));
    expect(dropStandingParagraphs(spread).every((d) => d.paragraphs.length === 2)).toBe(true);
    const only = DAYS.map((day, n) => ({ ...story(n, "fox", day, []), paragraphs: [PROMO] }));
    expect(dropStandingParagraphs(only).every((d) => d.paragraphs.length === 1)).toBe(true);
  });
});
