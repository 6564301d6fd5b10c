import { BriefingSchema } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { readArticles } from "../parallel/read-articles.js";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { buildBriefing } from "./build-briefing.js";

const now = new Date("2023-03-10T08:00:00Z");

// Three outlets report one flood-barrier deal in different words, with different figures;
// a fourth article is about something else altogether.
const articles = [
  fixtureArticle("a1", "Wire One", "2023-03-03", [
    "Officials from Riverton and the Delta Water Board signed an agreement on Thursday to build a flood barrier for 4,000 homes.",
    "The barrier is the largest in the region, mayor Ines Okafor said.",
  ]),
  fixtureArticle("a2", "Daily Two", "2023-03-03", [
    "The Delta Water Board and Riverton agreed on Thursday on a deal for a new flood barrier for 6,000 homes, Mayor Okafor announced.",
  ]),
  fixtureArticle("a3", "Weekly Three", "2023-03-06", [
    "Last Thursday, Riverton signed the flood barrier agreement with the DWB, the Delta Water Board.",
  ]),
  fixtureArticle("b1", "Sports Four", "2023-03-05", [
    "The Harbour City Lions beat the Northgate Eagles 3-1 on Saturday at Lakeside Stadium.",
    "Coach Pavel Nowak praised the defence after the match in Harbour City.",
  ]),
];

describe("buildBriefing", async () => {
  const read = await readArticles({ articles }, { threads: 1 });
  const briefing = buildBriefing(read, { now });
  const events = briefing.storylines.flatMap((s) => s.events);

  it("makes a briefing the schema accepts, stamped with the caller's now", () => {
    expect(BriefingSchema.safeParse(briefing).success).toBe(true);
    expect(briefing.generatedAt).toBe("2023-03-10T08:00:00.000Z");
  });

  it("merges one event reported by three outlets in different words into one cited entry", () => {
    const deal = events.find((e) => e.kind === "agreement" && e.corroboration >= 2);
    expect(deal).toBeDefined();
    expect(new Set(deal?.mentions.map((m) => m.articleId))).toEqual(new Set(["a1", "a2", "a3"]));
    expect(deal?.corroboration).toBe(3);
    expect([deal?.date.start, deal?.date.end]).toEqual(["2023-03-02", "2023-03-02"]);
  });

  it("tells what changed: only events new articles alone report, with the story so far", async () => {
    const later = fixtureArticle("a4", "Wire One", "2023-03-09", [
      "Builders from Riverton started work on the Delta Water Board's flood barrier on Wednesday.",
    ]);
    const read = await readArticles({ articles: [...articles, later] }, { threads: 1 });
    const changed = buildBriefing(read, { now, news: new Set(["a4"]) });
    expect(BriefingSchema.safeParse(changed).success).toBe(true);
    expect(changed.timeline.map((e) => [e.day, e.articleIds])).toEqual([["2023-03-08", ["a4"]]]);
    // The flood-barrier story recalls its deal; the football match has no news and is left out.
    expect(changed.changes).toHaveLength(1);
    const [recall] = changed.changes?.[0]?.soFar ?? [];
    expect(recall?.day).toBe("2023-03-02");
    expect(recall?.articleIds).toEqual(["a1", "a2", "a3"]);
    expect(changed.articles.map((a) => a.id).sort()).toEqual(["a1", "a2", "a3", "a4"]);
    // Without news, the same articles make an ordinary briefing, with no "so far".
    expect(buildBriefing(read, { now }).changes).toBeUndefined();
  });

  it("merges aliases: an acronym, a surname, a title", () => {
    const board = briefing.entities.find((e) => e.name === "Delta Water Board");
    expect(board?.aliases).toContain("DWB");
    const mayor = briefing.entities.find((e) => e.name === "Ines Okafor");
    expect(mayor?.aliases).toContain("Okafor");
    expect(mayor?.kind).toBe("person");
  });

  it("titles a story that names no one after its article, not after a kind of event", async () => {
    const article = {
      ...fixtureArticle("b1", "Local", "2023-03-06", [
        "The old bridge reopened on Monday after two years of repairs, the council said.",
      ]),
      title: "Bridge reopens",
    };
    const briefing = buildBriefing(await readArticles({ articles: [article] }, { threads: 1 }), {
      now,
    });
    expect(briefing.headline).toBe("Bridge reopens");
    expect(briefing.storylines[0]?.topic).toBe("Bridge reopens");
  });

  it("keeps two unrelated stories apart", () => {
    expect(briefing.storylines).toHaveLength(2);
    const topics = briefing.storylines.map((s) => s.topic);
    expect(topics).toContain("Riverton");
    expect(topics.some((t) => /Harbour|Lakeside|Lions/.test(t))).toBe(true);
  });

  it("marks figures the sources disagree on as disputed, with each value and its source", () => {
    const homes = events.flatMap((e) => e.disputed ?? []).find((d) => d.about === "home");
    expect(homes?.claims).toEqual([
      { value: "4,000", articleIds: ["a1"] },
      { value: "6,000", articleIds: ["a2"] },
    ]);
  });

  it("keeps every event cited and the timeline oldest first", () => {
    for (const s of briefing.storylines) {
      const days = s.events.map((e) => e.date.start).filter((d): d is string => d !== null);
      expect(days).toEqual([...days].sort());
      for (const e of s.events) expect(e.mentions.length).toBeGreaterThan(0);
    }
  });

  it("filters by topic, dates and number of events, and is deterministic", () => {
    const sport = buildBriefing(read, { now, topic: "Lions" });
    expect(sport.storylines.map((s) => s.topic).join()).not.toContain("Riverton");
    const late = buildBriefing(read, { now, since: "2023-03-04" });
    expect(
      late.storylines.flatMap((s) => s.events).every((e) => (e.date.end ?? "") >= "2023-03-04"),
    ).toBe(true);
    // --max-events keeps the most important entries of the timeline; the JSON keeps every event.
    const one = buildBriefing(read, { now, maxEvents: 1 });
    expect(one.timeline).toHaveLength(1);
    expect(one.timeline[0]?.rank).toBe(1);
    expect(one.storylines.flatMap((s) => s.events).length).toBeGreaterThan(1);
    expect(JSON.stringify(buildBriefing(read, { now }))).toBe(JSON.stringify(briefing));
  });
});
