import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "./load-corpus.js";

// The project's seed corpus: five pages scraped from news sites, kept byte for byte.
const corpus = fileURLToPath(new URL("../../../../corpus", import.meta.url));

describe("loadCorpus on corpus/", async () => {
  const { articles, problems } = await loadCorpus(corpus);
  const byFile = (prefix: string) =>
    articles.find((a) => a.origins[0]?.path.includes(`/${prefix}_`));

  it("reads five articles and no problems", () => {
    expect(articles).toHaveLength(5);
    expect(problems).toEqual([]);
  });

  it("finds each article's own title, not the breadcrumb above it", () => {
    expect(byFile("000")?.title).toBe(
      "The first direct talks between the Taliban and representatives of the “resistance front”",
    );
    expect(byFile("001")?.title).toBe(
      "Taliban Forced To Holds Talks With National Resistance Front in Afghanistan",
    );
    expect(byFile("002")?.title).toBe("No progress in informal talks between Taliban, opposition");
    expect(byFile("003")?.title).toBe(
      "The Panjshir Resistance Leader Says He’s Ready for Talks with the Taliban",
    );
    expect(byFile("004")?.title).toBe(
      "Afghanistan: Ahmed Massoud proposes talks to the Taliban to end the conflict in Panshir",
    );
  });

  it("leaves no page furniture in any body", () => {
    const furniture = [
      /^Home/,
      /^World[A-Z]/,
      /^clear$/,
      /since 2009/,
      /^Read:/,
      /^Fresh news$/,
      /^Related news$/,
      /^Most (Popular|Viewed)$/,
      /^Recent Comments$/,
      /^Please enter your/,
      /see links/,
      /Translated from English/,
      /^\. \./,
      /\[.*Agency\]$/,
    ];
    for (const article of articles) {
      for (const paragraph of article.paragraphs) {
        for (const pattern of furniture) expect(paragraph, article.title).not.toMatch(pattern);
      }
    }
  });

  it("keeps the short sentences of the body", () => {
    expect(byFile("002")?.paragraphs).toContain("They were unwilling to change their mindset.");
  });

  it("finds the date lines of 002 and 003 as candidate publication dates with evidence", () => {
    expect(byFile("002")?.published).toMatchObject({
      start: "2022-01-15",
      end: "2022-01-15",
      precision: "day",
    });
    expect(byFile("002")?.published.evidence).toEqual([
      { text: "January 15, 2022 at 10:57 am", rule: "date-line:header" },
    ]);
    expect(byFile("003")?.published.evidence).toEqual([
      { text: "Thursday, October 21, 2021", rule: "date-line:header" },
    ]);
  });

  it("reads the byline of 004 and the language of all", () => {
    expect(byFile("004")?.byline).toBe("AA / Kabul, Afghanistan / Shafiq Ahmad");
    expect(articles.every((a) => a.language === "en")).toBe(true);
  });
});
