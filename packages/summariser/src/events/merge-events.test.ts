import type { Article, Event } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { buildBriefing } from "../briefing/build-briefing.js";
import { readArticles } from "../parallel/read-articles.js";
import { fixtureArticle } from "../test-support/fixture-article.js";

const now = new Date("2023-03-20T08:00:00Z");

/** The events of a corpus's briefing, every storyline's. */
async function eventsIn(articles: Article[]): Promise<Event[]> {
  const briefing = buildBriefing(await readArticles({ articles }, { threads: 1 }), { now });
  return briefing.storylines.flatMap((s) => s.events);
}

/** The disputes of the events of a corpus, as `about: value vs value`. */
async function disputesOf(articles: Article[]): Promise<string[]> {
  return (await eventsIn(articles))
    .flatMap((e) => e.disputed ?? [])
    .map((d) => `${d.about}: ${d.claims.map((c) => c.value).join(" vs ")}`);
}

describe("mergeEvents' disputes", () => {
  it("are figures of one thing that sources publishing on the same day give differently", async () => {
    expect(
      await disputesOf([
        fixtureArticle("a1", "Wire One", "2023-03-07", [
          "Floods killed 30 people in the Riverton valley on Monday, rescuers said.",
        ]),
        fixtureArticle("a2", "Daily Two", "2023-03-07", [
          "Floods in the Riverton valley killed 45 people on Monday, the rescuers said.",
        ]),
      ]),
    ).toEqual(["people: 30 vs 45"]);
  });

  it("are not a running total that later reports raise", async () => {
    expect(
      await disputesOf([
        fixtureArticle("a1", "Wire One", "2023-03-07", [
          "Floods killed 30 people in the Riverton valley on Monday, rescuers said.",
        ]),
        fixtureArticle("a2", "Daily Two", "2023-03-10", [
          "Floods in the Riverton valley killed 45 people on Monday, March 6, the rescuers said.",
        ]),
      ]),
    ).toEqual([]);
  });

  it("are not years, ages, sums of money, measures, or figures a tenth apart", async () => {
    expect(
      await disputesOf([
        fixtureArticle("a1", "Wire One", "2023-03-07", [
          "On Monday the Delta Water Board approved a $40bn barrier, 80 km long, for 4,000 homes in Riverton, built by 120 workers aged 30 on plans from 2006 signed on 12 April.",
        ]),
        fixtureArticle("a2", "Daily Two", "2023-03-07", [
          "On Monday the Delta Water Board approved a $70bn barrier, 50 km long, for 4,200 homes in Riverton, built by 125 workers aged 45 on plans from 2009 signed on 19 April.",
        ]),
      ]),
    ).toEqual([]);
  });
});

describe("mergeEvents' dates", () => {
  /** Each event of a corpus as its days and the articles that report it. */
  async function eventsOf(articles: Article[]): Promise<string[]> {
    return (await eventsIn(articles))
      .filter((e) => e.mentions.some((m) => m.text.includes("Riverton")))
      .map((e) => `${e.date.start}/${e.date.end} ${e.mentions.map((m) => m.articleId).join(",")}`)
      .sort();
  }

  it("join reports that can be of one day, on the days they all allow, and no others", async () => {
    expect(
      await eventsOf([
        fixtureArticle("a1", "Wire One", "2023-03-07", [
          "Floods killed 30 people in the Riverton valley on Monday, rescuers said.",
        ]),
        fixtureArticle("a2", "Daily Two", "2023-03-09", [
          "Floods killed 30 people in the Riverton valley earlier this week, rescuers said.",
        ]),
        // The same words two weeks on are another flood, not a third report of the first.
        fixtureArticle("a3", "Daily Two", "2023-03-20", [
          "Floods killed 30 people in the Riverton valley on Monday, rescuers said.",
        ]),
      ]),
    ).toEqual(["2023-03-06/2023-03-06 a1,a2", "2023-03-20/2023-03-20 a3"]);
  });
});

describe("mergeEvents' action", () => {
  const report = (id: string, publisher: string, what: string) =>
    fixtureArticle(id, publisher, "2023-03-07", [
      `${what} ripped through the Riverton refinery on Monday, the fire service said.`,
    ]);

  it("is the action most of an event's reports tell", async () => {
    const events = await eventsIn([
      report("a1", "Wire One", "A blast"),
      report("a2", "Daily Two", "An explosion"),
      report("a3", "Evening Three", "An explosion"),
    ]);
    const merged = events.find((e) => e.mentions.length === 3);
    expect(merged?.action).toEqual({ family: "disaster", label: "explosion" });
  });

  it("is the summary's on a tie", async () => {
    const events = await eventsIn([
      report("a1", "Wire One", "An explosion"),
      report("a2", "Daily Two", "A blast"),
    ]);
    const merged = events.find((e) => e.mentions.length === 2);
    const label = merged?.summary.startsWith("An explosion") ? "explosion" : "blast";
    expect(merged?.action).toEqual({ family: "disaster", label });
  });
});

describe("mergeEvents' summary", () => {
  /** The summary of the event all of the corpus's reports merge into. */
  async function summaryOf(articles: Article[]): Promise<string | undefined> {
    const events = await eventsIn(articles);
    return events.find((e) => e.mentions.length === articles.length)?.summary;
  }

  it("is a report that stands alone as an entry, of those equally like the others", async () => {
    // First by its article, but its subject is a pronoun, it leans on the sentence before it, or
    // a headline runs into it.
    for (const opening of [
      "They say floods",
      "However, floods",
      "Valley counts the cost The floods",
    ])
      expect(
        await summaryOf([
          fixtureArticle("a1", "Wire One", "2023-03-07", [
            `${opening} killed 30 people in the Riverton valley on Monday, rescuers said.`,
          ]),
          fixtureArticle("a2", "Daily Two", "2023-03-07", [
            "Floods killed 30 people in the Riverton valley on Monday, rescuers said.",
          ]),
        ]),
        opening,
      ).toMatch(/^Floods killed/);
  });

  it("is what happened rather than what a report before the day expected", async () => {
    expect(
      await summaryOf([
        fixtureArticle("a1", "Wire One", "2023-03-06", [
          "The Riverton council votes on the harbour bridge plan on Friday, March 10, officials said.",
        ]),
        fixtureArticle("a2", "Daily Two", "2023-03-10", [
          "The Riverton council voted on the harbour bridge plan on Friday, officials said.",
        ]),
      ]),
    ).toMatch(/voted/);
  });
});
