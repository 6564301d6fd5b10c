import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimatePublished } from "./estimate-published.js";
import { parseHtml } from "./parse-html.js";

const page = readFileSync(new URL("../../test/fixtures/article.html", import.meta.url), "utf8");
const origin = { path: "article.html", format: "html" } as const;

describe("parseHtml", () => {
  const draft = parseHtml(page, origin);

  it("extracts the title, byline, site name, language and canonical URL", () => {
    expect(draft?.title).toBe("Harbour reopens after storm");
    expect(draft?.byline).toBe("Jane Roe");
    expect(draft?.publisher).toBe("The Example Gazette");
    expect(draft?.language).toBe("en-gb");
    expect(draft?.url).toBe("https://gazette.example/harbour-reopens");
  });

  it("keeps the article's paragraphs and leaves navigation, asides, scripts and footers out", () => {
    expect(draft?.paragraphs).toHaveLength(4);
    expect(draft?.paragraphs[0]).toMatch(/^The harbour reopened on Tuesday morning/);
    const body = draft?.paragraphs.join(" ") ?? "";
    expect(body).not.toMatch(/Most read|Another story|tracking|All rights reserved|Sport/);
  });

  it("collects publication dates from meta tags and JSON-LD", () => {
    const rules = draft?.dates.map((d) => d.rule) ?? [];
    expect(rules[0]).toBe("json-ld:datePublished");
    expect(draft?.dates.every((d) => d.text === "2023-02-14T08:30:00+01:00")).toBe(true);
  });

  it("reads a meta tag by any of the names its itemprop lists, and a time's day where it was written", () => {
    const story = `<p>${"The harbour reopened on Tuesday morning after the storm. ".repeat(4)}</p>`;
    const meta = parseHtml(
      `<html><head><meta property="article:modified" itemprop="datePublished dateCreated" content="2019-11-18T17:56:27.000Z"></head><body><article>${story}</article></body></html>`,
      origin,
    );
    expect(meta?.dates).toEqual([{ text: "2019-11-18T17:56:27.000Z", rule: "meta:datePublished" }]);
    const late = parseHtml(
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-18T22:30:00-05:00"}</script></head><body><article>${story}</article></body></html>`,
      origin,
    );
    // 03:30 on the 19th in UTC, but the evening of the 18th where it was published.
    expect(estimatePublished(late?.dates ?? []).start).toBe("2019-11-18");
  });

  it("leaves the headline printed again above the story out of the body", () => {
    const story = `<p>${"The harbour reopened on Tuesday morning after the storm. ".repeat(4)}</p>`;
    const draft = parseHtml(
      `<html><head><title>Harbour reopens after the storm closed it</title></head><body><article><div>Harbour reopens after the storm closed it</div>${story}</article></body></html>`,
      origin,
    );
    expect(draft?.title).toBe("Harbour reopens after the storm closed it");
    expect(draft?.paragraphs).toHaveLength(1);
  });

  it("returns null for a page with no article", () => {
    expect(
      parseHtml("<html><body><nav><a href='/'>Home</a></nav></body></html>", origin),
    ).toBeNull();
  });
});
