import { type Article, dayEstimate, type Event, type Storyline } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { rankEvents, sentenceQuality } from "./rank-events.js";

function event(id: string, summary: string, articleIds: string[]): Event {
  return {
    id,
    date: dayEstimate("2023-03-02", [{ text: "2 March", rule: "test" }], 0.9),
    kind: "agreement",
    title: summary,
    summary,
    entities: ["riverton"],
    mentions: articleIds.map((articleId, i) => ({
      articleId,
      sentence: 3 + i,
      span: [0, summary.length],
      text: summary,
    })),
    corroboration: articleIds.length,
  };
}

function article(id: string, publisher: string): Article {
  return {
    id,
    title: id,
    paragraphs: ["x"],
    language: "en",
    published: dayEstimate("2023-03-03", [{ text: "3 March", rule: "metadata" }], 0.9),
    origins: [{ path: `${id}.txt`, format: "text" }],
    publisher,
  };
}

describe("rankEvents", () => {
  const articles = [article("a", "One"), article("b", "Two"), article("c", "One")];
  const rank = (events: Event[]) => {
    const storyline: Storyline = { id: "s", topic: "Riverton", headline: "Riverton", events };
    return rankEvents([storyline], [], articles).map((r) => r.event.id);
  };

  it("puts what more publishers report first, then what a journalist wrote as a chronology's entry", () => {
    const plain = "The Delta Water Board approved the Riverton flood barrier after a long debate.";
    expect(rank([event("one", plain, ["a", "c"]), event("two", plain, ["a", "b"])])).toEqual([
      "two",
      "one",
    ]);
    expect(
      rank([
        event("plain", plain, ["a"]),
        event("entry", "March 2 - The Delta Water Board approves the Riverton flood barrier.", [
          "c",
        ]),
      ]),
    ).toEqual(["entry", "plain"]);
  });

  it("counts a state of things 'now' half: the report's day, rarely its news", () => {
    const now = (id: string, summary: string): Event => ({
      ...event(id, summary, ["a", "b"]),
      date: dayEstimate("2023-03-03", [{ text: "currently", rule: "vague-present" }], 0.5),
    });
    const storyline: Storyline = {
      id: "s",
      topic: "Riverton",
      headline: "Riverton",
      events: [
        now("state", "The Riverton flood barrier is currently two years behind its schedule."),
        event("news", "The Delta Water Board approved the Riverton flood barrier on Thursday.", [
          "a",
          "b",
        ]),
      ],
    };
    const [news, state] = rankEvents([storyline], [], articles);
    expect([news?.event.id, state?.event.id]).toEqual(["news", "state"]);
    expect(state?.quality).toBe(0.5);
    expect(state?.score).toBeCloseTo((news?.score ?? 0) / 2, 9);
  });
});

describe("sentenceQuality", () => {
  it("takes a plain statement as an entry, and no caption, question, fragment or code", () => {
    expect(sentenceQuality("BP closed the new cap on the well and the flow of oil stopped.")).toBe(
      1,
    );
    for (const poor of [
      "Oil is seen gushing around the cap placed by BP during efforts to contain the leak.",
      "Workers are pictured cleaning a beach in Grand Isle, Louisiana, on Monday (AP Photo/Dave Martin).",
      "Workers clean up oil on a beach in Port Fourchon, Louisiana, May 24, 2010.",
      "A BP petrol station closed due to a Greenpeace protest, in Camden, London, 27 July 2010.",
      "Will the cap hold when the next storm reaches the Gulf of Mexico this week?",
      "and then the company said it would pay for the whole clean-up of the coast.",
      "L) oil spill in the Gulf of Mexico, Moody's Investor Service said in a report on Thursday.",
      "Then the loop checks the pages: if (mprotect(pages[0], size, PROT_READ) != 0) { return 4; }",
    ])
      expect(sentenceQuality(poor)).toBeLessThan(0.5);
    // Prose with a bracket, a semicolon list or a comparison is still prose.
    for (const prose of [
      "The council (which met on Monday) approved the plan; Riverton, Easton and Weston agreed.",
      "Temperatures above 40 degrees (104 F) closed schools in Seville, Cordoba and Jaen on Friday.",
      // A story's own day, told as stories tell it.
      "The tanker ran aground in Prince William Sound on Friday, March 24, 1989.",
    ])
      expect(sentenceQuality(prose)).toBe(1);
  });
});
