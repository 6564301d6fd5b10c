import { type Article, dayEstimate } from "@briefing/core";
import { afterEach, describe, expect, it } from "vitest";
import { Ledger } from "./ledger.js";

const ledgers: Ledger[] = [];
afterEach(() => {
  for (const ledger of ledgers.splice(0)) ledger.close();
});

function store() {
  const ledger = new Ledger(":memory:");
  ledgers.push(ledger);
  return ledger.store;
}

const LONG =
  "The port authority of Riverton confirmed on Monday that the repairs of the old quay will take several more weeks, and that ferries will keep to the winter timetable until the work on the north pier is finished.";

function article(url: string | undefined, title: string, text: string): Article {
  return {
    id: "from-the-pipeline",
    title,
    paragraphs: [text],
    ...(url ? { url } : {}),
    language: "en",
    published: dayEstimate("2026-02-02", [{ text: "2026-02-02", rule: "metadata" }], 0.9),
    origins: [{ path: "https://news.example/feed.xml#1", format: "rss" }],
  };
}

describe("ArticleStore", () => {
  it("knows an article again by its address with its title or text unchanged, or by its text", () => {
    const s = store();
    const at = "2026-02-02T10:00:00.000Z";
    const first = s.put(article("https://news.example/quay", "Quay repairs", LONG), "feed", at);
    expect(first.outcome).toBe("new");
    expect(first.id).toMatch(/^s[0-9a-f]{15}$/);
    const same = (a: Article) => s.put(a, "feed", "2026-02-03T10:00:00.000Z");
    expect(same(article("https://news.example/quay?utm_source=x", "Quay repairs", LONG))).toEqual({
      id: first.id,
      outcome: "unchanged",
    });
    expect(same(article("https://news.example/quay", "Quay repairs drag on", LONG))).toEqual({
      id: first.id,
      outcome: "updated",
    });
    expect(
      same(
        article("https://news.example/quay", "Quay repairs drag on", `${LONG} Updated at noon.`),
      ),
    ).toEqual({ id: first.id, outcome: "updated" });
    // Republished elsewhere, word for word: the same article.
    expect(
      same(
        article("https://mirror.example/riverton/quay", "Quay works", `${LONG} Updated at noon.`),
      ).id,
    ).toBe(first.id);
    expect(
      s
        .seenBetween("2026-01-01", "2027-01-01")
        .map((x) => [x.article.id, x.article.title, x.firstSeen]),
    ).toEqual([[first.id, "Quay works", at]]);
  });

  it("keeps apart posts told apart by a fragment, and short texts that only look alike", () => {
    const s = store();
    const at = "2026-02-02T10:00:00.000Z";
    const a = s.put(
      article("https://blog.example/2026/02/02.html#a1", "Morning", "Read more…"),
      "feed",
      at,
    );
    const b = s.put(
      article("https://blog.example/2026/02/02.html#a2", "Evening", "Read more…"),
      "feed",
      at,
    );
    const c = s.put(article("https://other.example/post", "Other", "Read more…"), "feed", at);
    const d = s.put(article(undefined, "No link", "Read more…"), "feed", at);
    expect([a.outcome, b.outcome, c.outcome, d.outcome]).toEqual(["new", "new", "new", "new"]);
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    expect(s.count()).toBe(4);
  });
});
