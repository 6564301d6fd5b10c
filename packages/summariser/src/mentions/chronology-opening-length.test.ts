import { describe, expect, it } from "vitest";
import { extractMentions } from "../mentions/extract-mentions.js";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { chronologyOpeningLength } from "./chronology-opening-length.js";

/** The opening {@link chronologyOpeningLength} finds in each sentence, read as an article would be. */
function openings(sentences: string[]): string[] {
  const article = fixtureArticle("c", "Paper", "2023-06-30", sentences);
  return extractMentions(article).map((r) => r.mention.text.slice(0, chronologyOpeningLength(r)));
}

describe("chronologyOpeningLength", () => {
  it("finds a calendar date that opens a sentence before a dash or a colon", () => {
    expect(
      openings([
        "April 22 - The barrier gates were closed across the river.",
        "* 26 May: Engineers started pumping water out of the tunnel.",
        "June 3 — The council approved the money for the repairs.",
      ]),
    ).toEqual(["April 22 - ", "* 26 May: ", "June 3 — "]);
  });

  it("leaves out weekdays, clock times, dates inside a sentence and dates with no separator", () => {
    expect(
      openings([
        "On Friday - the council approved the money for the repairs.",
        "At 12:40 pm on 10 Jun 2023, Nakor wrote: the barrier will never hold.",
        "Engineers closed the barrier gates on April 22 - a week early.",
        "April 22 the barrier gates were closed across the river.",
      ]),
    ).toEqual(["", "", "", ""]);
  });
});
