import { type Article, dayEstimate, type Event, type Storyline } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { rankEvents } from "./rank-events.js";

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
