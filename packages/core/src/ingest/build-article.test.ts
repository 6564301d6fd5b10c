import { describe, expect, it } from "vitest";
import type { ArticleDraft } from "./article-draft.js";
import { buildArticle, titleFromLead } from "./build-article.js";

describe("titleFromLead", () => {
  it("makes a headline of the lead's first sentence, cut at a word", () => {
    expect(titleFromLead(["", "BP caps the well. Oil stops flowing into the Gulf."])).toBe(
      "BP caps the well",
    );
    expect(
      titleFromLead([
        "The US government has demanded immediate clarification from BP over its commitment to pay for the costs of the spill.",
      ]),
    ).toBe("The US government has demanded immediate clarification from BP over its commitment…");
    expect(titleFromLead([])).toBe("");
  });
});

describe("buildArticle's publication date", () => {
  const english = () => "en";
  const draft = (url: string, dates: ArticleDraft["dates"] = []): ArticleDraft => ({
    title: "Envoy visits the capital",
    paragraphs: ["The envoy arrived in the capital for two days of talks with the government."],
    dates,
    origin: { path: "a.txt", format: "text" },
    url,
  });

  it("reads the day a news site files the story under in its address", () => {
    for (const url of [
      "https://news.example/politics/2018/04/17/envoy-visits/",
      "https://news.example/world/envoy-visits-2018-04-17.html",
    ]) {
      const published = buildArticle(draft(url), english).published;
      expect([published.start, published.end]).toEqual(["2018-04-17", "2018-04-17"]);
      expect(published.evidence[0]?.rule).toBe("url-path");
    }
  });

  it("puts what the source states first, and takes no impossible day or a query's date", () => {
    const stated = buildArticle(
      draft("https://news.example/2018/04/17/a/", [
        { text: "2018-04-18T09:00:00Z", rule: "meta:article:published_time", date: "2018-04-18" },
      ]),
      english,
    ).published;
    expect(stated.start).toBe("2018-04-18");
    expect(
      buildArticle(draft("https://news.example/2018/02/31/a/"), english).published.evidence[0]
        ?.rule,
    ).not.toBe("url-path");
    expect(
      buildArticle(draft("https://news.example/a?d=2018/04/17"), english).published.evidence[0]
        ?.rule,
    ).not.toBe("url-path");
  });
});
