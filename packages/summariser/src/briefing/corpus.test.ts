import { fileURLToPath } from "node:url";
import { loadCorpus } from "@briefing/core/ingest";
import { describe, expect, it } from "vitest";
import { readArticles } from "../parallel/read-articles.js";
import { buildBriefing } from "./build-briefing.js";

// End to end on the seed corpus: five scraped pages about the Panjshir valley, 2021-22.
const corpus = fileURLToPath(new URL("../../../../corpus", import.meta.url));

describe("buildBriefing on corpus/", async () => {
  const { articles, furniture } = await loadCorpus(corpus);
  const read = await readArticles({ articles }, { threads: 1 });
  const briefing = buildBriefing(read, { now: new Date("2022-01-20T08:00:00Z") });
  const file = (id: string) =>
    articles
      .find((a) => a.id === id)
      ?.origins[0]?.path.split("/")
      .pop();
  const events = briefing.storylines.flatMap((s) => s.events);

  it("tells one storyline about Panjshir whose headline gives the arc in three phases", () => {
    expect(briefing.storylines[0]?.topic).toBe("Panjshir");
    // The first phase, the weightiest of another kind, the last; no kind twice running.
    expect(briefing.headline).toMatch(
      /^Panjshir: (\S+ )?talks to (offensive|fighting) to (\S+ )?(talks|meeting)$/,
    );
    expect(briefing.summary.length).toBeGreaterThanOrEqual(2);
    expect(briefing.summary.length).toBeLessThanOrEqual(3);
  });

  it("merges the Charikar talks reported by 000 and 001 into one entry citing both", () => {
    const talks = events.filter((e) => /first direct talks/i.test(e.summary));
    expect(talks).toHaveLength(1);
    const files = new Set(talks[0]?.mentions.map((m) => file(m.articleId)?.slice(0, 3)));
    expect(files).toEqual(new Set(["000", "001"]));
    expect(talks[0]?.corroboration).toBe(2);
    expect(talks[0]?.kind).toBe("talks");
  });

  it("merges the spellings of people, places and organisations", () => {
    const named = (name: string) => briefing.entities.find((e) => e.name === name);
    expect(named("Ahmad Massoud")?.aliases).toEqual(
      expect.arrayContaining(["Masood", "Ahmad Masood"]),
    );
    expect(named("Panjshir")?.aliases).toEqual(expect.arrayContaining(["Panshir", "Panjsher"]));
    expect(named("National Resistance Front")?.aliases).toContain("NRF");
    expect(named("Amrullah Saleh")?.aliases).toContain("Amrula Saleh");
    expect(named("Ahmad Shah Massoud")).toBeDefined();
  });

  it("keeps the timeline oldest first with every entry cited, and no page furniture", () => {
    // Furniture lines of some length: a short one ("Ahmad Massoud") is also a name in the text.
    const left = Object.values(furniture)
      .flat()
      .filter((line) => line.length > 30);
    for (const s of briefing.storylines) {
      const days = s.events.map((e) => e.date.start).filter((d): d is string => d !== null);
      expect(days).toEqual([...days].sort());
      for (const e of s.events) {
        expect(e.mentions.length).toBeGreaterThan(0);
        for (const line of left) expect(e.summary).not.toContain(line);
      }
    }
  });

  it("flags the claims that rest on one source", () => {
    const single = events.filter((e) => e.corroboration === 1);
    expect(single.length).toBeGreaterThan(0);
    // The weakest article (003) has no claim corroborated by another outlet.
    const from003 = events.filter((e) =>
      e.mentions.some((m) => file(m.articleId)?.startsWith("003")),
    );
    expect(from003.every((e) => e.corroboration === 1)).toBe(true);
  });
});
