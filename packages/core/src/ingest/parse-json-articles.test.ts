import { describe, expect, it } from "vitest";
import { CorpusError } from "./errors.js";
import { parseJsonArticles, parseJsonLines } from "./parse-json-articles.js";

describe("parseJsonArticles", () => {
  it("reads an array of generic article records", () => {
    const json = JSON.stringify([
      {
        title: "Dam opens",
        text: "The dam opened on Monday.\n\nIt cost a lot.",
        date: "2023-06-05",
        url: "https://x.example/dam",
        source: "X News",
        author: "A. Writer",
      },
    ]);
    const { drafts, rejected } = parseJsonArticles(json, "a.json");
    expect(rejected).toEqual([]);
    expect(drafts[0]).toMatchObject({
      title: "Dam opens",
      paragraphs: ["The dam opened on Monday.", "It cost a lot."],
      url: "https://x.example/dam",
      publisher: "X News",
      byline: "A. Writer",
      origin: { path: "a.json#1", format: "json" },
    });
    expect(drafts[0]?.dates).toEqual([{ text: "2023-06-05", rule: "json:date" }]);
  });

  it("reads {articles: [...]} and a single record", () => {
    expect(
      parseJsonArticles(JSON.stringify({ articles: [{ title: "A", text: "B." }] }), "x.json")
        .drafts,
    ).toHaveLength(1);
    const single = parseJsonArticles(
      JSON.stringify({ title: "A", body: "Body text." }),
      "one.json",
    );
    expect(single.drafts[0]?.origin.path).toBe("one.json");
  });

  it("reads the project's own Article JSON as it is", () => {
    const article = {
      id: "abc123",
      title: "Kept",
      paragraphs: ["One."],
      language: "en",
      published: {
        start: "2021-08-25",
        end: "2021-08-25",
        precision: "day",
        evidence: [],
        confidence: 0.9,
      },
      origins: [{ path: "old.txt", format: "text" }],
    };
    const { drafts } = parseJsonArticles(JSON.stringify([article]), "articles.json");
    expect(drafts[0]?.complete).toEqual(article);
  });

  it("rejects records that are not articles, saying what was found", () => {
    const { drafts, rejected } = parseJsonArticles(
      JSON.stringify([{ title: "ok", text: "fine" }, 42, { foo: 1 }]),
      "mixed.json",
    );
    expect(drafts).toHaveLength(1);
    expect(rejected).toEqual([
      { where: "mixed.json#2", message: "expected an article object, found a number" },
      { where: "mixed.json#3", message: expect.stringContaining("found fields foo") },
    ]);
  });

  it("names a broken Article JSON field", () => {
    const bad = {
      id: "x",
      title: "T",
      paragraphs: ["p"],
      language: "en",
      published: {
        start: "2021-02-30",
        end: "2021-02-30",
        precision: "day",
        evidence: [],
        confidence: 1,
      },
      origins: [{ path: "a", format: "text" }],
    };
    const { rejected } = parseJsonArticles(JSON.stringify([bad]), "bad.json");
    expect(rejected[0]?.message).toMatch(/field "published.start"/);
  });

  it("throws a CorpusError for text that is not JSON", () => {
    expect(() => parseJsonArticles("{ not json", "broken.json")).toThrow(CorpusError);
  });
});

describe("parseJsonLines", () => {
  it("reads the news-tls layout and keeps going past a bad line", () => {
    const text = [
      JSON.stringify({
        id: "a1",
        time: "2010-04-21",
        text: "Oil spill grows .\nBP says it is working .",
      }),
      "{ broken",
      JSON.stringify({ id: "a2", time: "2010-04-22", text: "Second story .", title: "Second" }),
      '{"id": "a3", "time": "2010-04-23", "te',
    ].join("\n");
    const { drafts, rejected } = parseJsonLines(text, "articles.jsonl");
    expect(drafts.map((d) => d.paragraphs)).toEqual([
      ["Oil spill grows .", "BP says it is working ."],
      ["Second story ."],
    ]);
    expect(drafts[0]?.dates).toEqual([{ text: "2010-04-21", rule: "json:time" }]);
    expect(drafts[1]?.origin).toEqual({ path: "articles.jsonl:3", format: "jsonl" });
    expect(rejected.map((r) => r.where)).toEqual(["articles.jsonl:2", "articles.jsonl:4"]);
    expect(rejected[1]?.message).toMatch(/truncated/);
  });
});
