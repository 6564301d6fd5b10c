import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CorpusError } from "./errors.js";
import { parseFeed } from "./parse-feed.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), "utf8");

describe("parseFeed", () => {
  it("reads RSS 2.0 items with full content, author, date and the channel as publisher", () => {
    const feed = parseFeed(fixture("feed.rss"), "feed.rss");
    expect(feed.format).toBe("rss");
    expect(feed.drafts).toHaveLength(2);
    const [first, second] = feed.drafts;
    expect(first?.title).toBe("Ministers meet to discuss the budget");
    expect(first?.paragraphs).toEqual([
      "Ministers met on Wednesday to discuss the budget for the coming year.",
      "No decision was taken, officials said.",
    ]);
    expect(first?.url).toBe("https://wire.example/budget");
    expect(first?.byline).toBe("Ann Author");
    expect(first?.publisher).toBe("Example Wire");
    expect(first?.language).toBe("en-us");
    expect(first?.dates[0]).toEqual({
      text: "Wed, 01 Mar 2023 10:00:00 GMT",
      rule: "feed:pubDate",
    });
    expect(first?.origin).toEqual({ path: "feed.rss#1", format: "rss" });
    expect(second?.title).toBe("Rail strike & talks");
    expect(second?.paragraphs).toEqual(["Rail workers walked out on Thursday."]);
  });

  it("reports items with neither title nor text", () => {
    expect(parseFeed(fixture("feed.rss"), "feed.rss").empty).toEqual([3]);
  });

  it("reads Atom entries", () => {
    const feed = parseFeed(fixture("feed.atom"), "feed.atom");
    expect(feed.format).toBe("atom");
    expect(feed.drafts[0]).toMatchObject({
      title: "Le port rouvre après la tempête",
      paragraphs: ["Le port a rouvert jeudi matin après cinq jours de fermeture."],
      url: "https://actu.example/port",
      byline: "Marie Exemple",
      publisher: "Exemple Actualités",
    });
    expect(feed.drafts[0]?.dates[0]).toEqual({
      text: "2023-03-02T08:00:00+01:00",
      rule: "feed:published",
    });
  });

  it("reads RSS 1.0 (RDF) items", () => {
    const feed = parseFeed(fixture("feed.rdf"), "feed.rdf");
    expect(feed.format).toBe("rdf");
    expect(feed.drafts[0]).toMatchObject({
      title: "Council approves the new library",
      url: "https://old.example/1",
    });
    expect(feed.drafts[0]?.dates[0]).toEqual({
      text: "2023-01-09T18:00:00Z",
      rule: "feed:dc:date",
    });
  });

  it("reads JSON Feed items", () => {
    const feed = parseFeed(fixture("feed.json"), "feed.json");
    expect(feed.format).toBe("json-feed");
    expect(feed.drafts[0]).toMatchObject({
      title: "Museum opens a new wing",
      byline: "Sam Writer",
      url: "https://json.example/1",
    });
  });

  it("rejects a document that is not a feed, naming the file", () => {
    expect(() => parseFeed("<html><body>hello</body></html>", "page.xml")).toThrow(CorpusError);
    expect(() => parseFeed("<note>hi</note>", "note.xml")).toThrow(
      /expected an RSS, Atom, RDF or JSON feed/,
    );
  });
});
