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

  it("reads the date line under 002's headline as its publication date", () => {
    expect(byFile("002")?.published).toMatchObject({
      start: "2022-01-15",
      end: "2022-01-15",
      precision: "day",
      confidence: 0.7,
    });
    expect(byFile("002")?.published.evidence).toEqual([
      { text: "January 15, 2022 at 10:57 am", rule: "date-line" },
    ]);
  });

  it("keeps 003's site-header date with low confidence and says why", () => {
    expect(byFile("003")?.published.start).toBe("2021-10-21");
    expect(byFile("003")?.published.confidence).toBeLessThanOrEqual(0.5);
    expect(byFile("003")?.published.evidence).toEqual([
      { text: "Thursday, October 21, 2021", rule: "date-line:header" },
      {
        text: "printed above the headline, where sites show the day's date",
        rule: "caution:header-date",
      },
    ]);
  });

  it("dates the yearless articles from the corpus, never with certainty", () => {
    // 001 reports "On August 15" as past, 004 "on August 31": the year comes from the articles
    // that share their names; 000 has no date of its own and gets the range of its neighbours.
    const range = (file: string) => [byFile(file)?.published.start, byFile(file)?.published.end];
    expect(range("001")).toEqual(["2021-08-15", "2021-09-14"]);
    expect(range("004")).toEqual(["2021-08-31", "2021-09-30"]);
    expect(byFile("000")?.published.start).toBe("2021-08-15");
    for (const file of ["000", "001", "004"]) {
      expect(byFile(file)?.published.confidence).toBeLessThanOrEqual(0.3);
      expect(JSON.stringify(byFile(file)?.published.evidence)).toContain("sharing");
    }
  });

  it("reads the byline of 004 and the language of all", () => {
    expect(byFile("004")?.byline).toBe("AA / Kabul, Afghanistan / Shafiq Ahmad");
    expect(articles.every((a) => a.language === "en")).toBe(true);
  });
});
