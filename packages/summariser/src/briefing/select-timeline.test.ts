import type { Event } from "@briefing/core";
import { describe, expect, it } from "vitest";
import type { RankedEvent } from "./rank-events.js";
import { selectTimeline, wordCount } from "./select-timeline.js";

/** A ranked event on `day` (to `until`), its summary and score; ranks follow the list's order. */
function ranked(
  list: [id: string, day: string, summary: string, score: number, until?: string][],
): RankedEvent[] {
  return list
    .map(([id, day, summary, score, until]) => ({
      event: {
        id,
        date: {
          start: day,
          end: until ?? day,
          precision: "day",
          evidence: [{ text: day, rule: "test" }],
          confidence: 1,
        },
        kind: "other",
        title: summary,
        summary,
        entities: [],
        mentions: [{ articleId: id, sentence: 0, span: [0, 1], text: summary }],
        corroboration: 1,
      } satisfies Event,
      storylineId: id.startsWith("x") ? "side" : "main",
      score,
      rank: 0,
      publishers: 1,
      articles: 1,
      attention: 0,
      storyShare: 1,
      specificity: 1,
      quality: 1,
    }))
    .sort((a, b) => b.score - a.score)
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

const EVENTS = ranked([
  ["a", "2023-03-01", "The Delta Water Board approved the flood barrier for Riverton.", 10],
  ["b", "2023-03-01", "Riverton's council approved the flood barrier plan on the same day.", 9],
  ["c", "2023-03-05", "The Delta Water Board approved the flood barrier for Riverton again.", 8],
  ["d", "2023-03-09", "Heavy rain flooded forty homes in the lower town overnight.", 7],
  ["e", "2023-03-10", "Engineers began work on the barrier's foundations near the bridge.", 6],
  ["f", "2023-04-20", "The barrier's first section was finished ahead of schedule.", 5],
  ["g", "2023-03-12", "A month of planning ended.", 4, "2023-04-20"],
  ["x", "2023-03-15", "A local team won the regional football cup final at home.", 3],
]);

describe("selectTimeline", () => {
  it("spends a word budget on the most important entries, one a day, near-repeats left out", () => {
    const chosen = selectTimeline(EVENTS, { budget: { kind: "words", words: 45 } });
    // b shares a's day, c repeats a's news, e falls the day after d (worth less than f, weeks on),
    // and g spans more than a month.
    expect(chosen.map((r) => r.event.id)).toEqual(["a", "d", "f"]);
    const words = chosen.reduce((n, r) => n + wordCount(r.event.summary) + 3, 0);
    expect(words).toBeLessThanOrEqual(45);
  });

  it("spreads over days before it fills in the day next to one already told", () => {
    const chosen = selectTimeline(EVENTS, { budget: { kind: "words", words: 500, perDay: 1 } });
    // e (the 10th) comes after f and x although it ranks above them: the 9th was told already.
    expect(chosen.map((r) => r.event.id)).toEqual(["a", "d", "e", "x", "f"]);
  });

  it("with words left once every day is told, gives a day another entry from a report it has not cited", () => {
    const chosen = selectTimeline(EVENTS, { budget: { kind: "words", words: 500 } });
    // b, a second report of the 1st, joins once every day has its entry; c repeats a's news.
    expect(chosen.map((r) => r.event.id)).toEqual(["a", "b", "d", "e", "x", "f"]);
    const oneArticle = ranked([
      ["m1", "2023-05-02", "The mayor opened the new bridge over the Riverton harbour.", 10],
      ["m2", "2023-05-02", "Crowds lined the quay to watch the first ferry cross the bay.", 9],
    ]).map((r) => ({
      ...r,
      event: { ...r.event, mentions: r.event.mentions.map((m) => ({ ...m, articleId: "same" })) },
    }));
    // Both from one article: the day is told by it once.
    expect(
      selectTimeline(oneArticle, { budget: { kind: "words", words: 500 } }).map((r) => r.event.id),
    ).toEqual(["m1"]);
  });

  it("reads by day, then rank, and keeps to the window and the storylines asked for", () => {
    const chosen = selectTimeline(EVENTS, {
      budget: { kind: "words", words: 500, perDay: 2 },
      window: { from: "2023-03-01", to: "2023-03-31" },
      storylines: new Set(["main"]),
    });
    expect(chosen.map((r) => r.event.id)).toEqual(["a", "b", "d", "e"]);
  });

  it("answers the protocol's budget: the best days, so many entries each", () => {
    const chosen = selectTimeline(EVENTS, { budget: { kind: "dates", dates: 2, perDate: 2 } });
    // The 5th has only a repeat of the 1st to tell: the next day with news takes its place.
    expect(chosen.map((r) => [r.event.date.start, r.event.id])).toEqual([
      ["2023-03-01", "a"],
      ["2023-03-01", "b"],
      ["2023-03-09", "d"],
    ]);
  });

  it("tells a busy day by the report most of its reports agree with", () => {
    const day = ranked([
      ["odd", "2023-05-02", "A choir sang at the town hall before the mayor spoke at length.", 10],
      ["p1", "2023-05-02", "Floodwater breached the Riverton barrier and reached forty homes.", 9],
      ["p2", "2023-05-02", "The Riverton barrier was breached and floodwater reached homes.", 8],
      ["p3", "2023-05-02", "Homes flooded after floodwater breached the barrier at Riverton.", 7],
    ]);
    for (const budget of [
      { kind: "words", words: 100, perDay: 1 } as const,
      { kind: "dates", dates: 1, perDate: 1 } as const,
    ])
      expect(selectTimeline(day, { budget }).map((r) => r.event.id)).toEqual(["p1"]);
  });

  it("under the protocol, ranks a day that stands out of a quiet week beside the busy days", () => {
    const days = ranked([
      ["busy1", "2023-06-01", "Crews worked on the barrier through the first week of June.", 5],
      ["busy2", "2023-06-04", "Crews kept working on the barrier in the first days of June.", 5],
      ["quiet", "2023-08-20", "The finished barrier opened to the public in late August.", 5],
    ]).map((r) => ({ ...r, attention: { busy1: 5, busy2: 4, quiet: 3 }[r.event.id] ?? 0 }));
    const publishedPerDay = new Map([
      ["2023-06-01", 40],
      ["2023-06-04", 40],
      ["2023-08-20", 2],
    ]);
    const budget = { kind: "dates", dates: 2, perDate: 1 } as const;
    expect(selectTimeline(days, { budget }).map((r) => r.event.id)).toEqual(["busy1", "busy2"]);
    expect(selectTimeline(days, { budget, publishedPerDay }).map((r) => r.event.id)).toEqual([
      "busy1",
      "quiet",
    ]);
  });

  it("takes an event dated to a few weeks only when two publishers report it", () => {
    const vague = ranked([
      [
        "w",
        "2023-03-01",
        "Talks between the two towns were held on a Wednesday.",
        10,
        "2023-03-29",
      ],
      ["d", "2023-03-09", "Heavy rain flooded forty homes in the lower town overnight.", 5],
    ]);
    const words = { budget: { kind: "words", words: 100 } } as const;
    expect(selectTimeline(vague, words).map((r) => r.event.id)).toEqual(["d"]);
    const corroborated = vague.map((r) =>
      r.event.id === "w" ? { ...r, event: { ...r.event, corroboration: 2 } } : r,
    );
    expect(selectTimeline(corroborated, words).map((r) => r.event.id)).toEqual(["w", "d"]);
  });
});
