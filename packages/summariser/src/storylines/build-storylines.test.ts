import type { Entity, Event, EventAction } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { buildStorylines } from "./build-storylines.js";

const entities: Entity[] = [
  { id: "e-port", name: "Portville", kind: "place", aliases: [] },
  { id: "e-acme", name: "Acme", kind: "organisation", aliases: [] },
  { id: "e-dock", name: "Dockside", kind: "place", aliases: [] },
  { id: "e-t", name: "T", kind: "organisation", aliases: [] },
  { id: "e-wire", name: "HARBOURTON", kind: "place", aliases: [] },
  { id: "e-filed", name: "Newtown", kind: "place", aliases: [] },
];

let serial = 0;
/**
 * An event on `day` telling `action`, reported by each article named (in `texts`, else in a
 * sentence giving all of `names`).
 */
function event(
  day: string,
  action: EventAction | undefined,
  articles: string[],
  names: string[],
  texts?: string[],
): Event {
  const text = `${names.map((id) => entities.find((e) => e.id === id)?.name).join(" and ")} news.`;
  serial += 1;
  return {
    id: `event-${serial}`,
    date: {
      start: day,
      end: day,
      precision: "day",
      confidence: 0.9,
      evidence: [],
    },
    kind: "other",
    ...(action ? { action } : {}),
    title: "",
    summary: text,
    entities: names,
    mentions: articles.map((articleId, i) => ({
      articleId,
      sentence: i,
      span: [0, 1],
      text: texts?.[i] ?? text,
    })),
    corroboration: articles.length,
  };
}

const explosion = { family: "disaster", label: "explosion" };
const deaths = { family: "deaths", label: "deaths" };
const hearing = { family: "trial", label: "hearing" };
const spill = { family: "disaster", label: "spill" };

describe("buildStorylines", () => {
  it("tells deaths with the disaster of their period, and a label once", () => {
    const events = [
      event("2010-04-20", explosion, ["a", "b"], ["e-port", "e-acme"]),
      event("2010-04-21", deaths, ["a", "b", "c"], ["e-port", "e-acme"]),
      event("2010-04-22", deaths, ["c", "d"], ["e-port", "e-acme"]),
      event("2010-06-01", hearing, ["a", "c"], ["e-port", "e-acme"]),
      event("2010-08-01", explosion, ["b", "d"], ["e-port", "e-acme"]),
    ];
    const [story] = buildStorylines(events, entities);
    expect(story?.topic).toBe("Portville");
    // Deaths weigh with the explosion but do not name the phase; the explosion is told once.
    expect(story?.phases?.map((p) => p.label)).toEqual(["explosion", "hearing", "explosion"]);
    expect(story?.headline).toBe("Portville: explosion to hearing");
  });

  it("tells a story reported every few days a month at a time", () => {
    // No gap of two weeks from April to July: one period would be told by its explosion alone.
    const meeting = { family: "talks", label: "meeting" };
    const lawsuit = { family: "charges", label: "lawsuit" };
    const month = (from: string, action: EventAction, articles: string[]) =>
      [0, 4, 8, 12, 16, 20].map((d) => {
        const day = new Date(Date.parse(`${from}T00:00:00Z`) + d * 86_400_000);
        return event(day.toISOString().slice(0, 10), action, articles, ["e-port", "e-acme"]);
      });
    const events = [
      ...month("2010-04-20", explosion, ["a", "b", "c"]),
      ...month("2010-05-22", meeting, ["a", "b"]),
      ...month("2010-06-23", lawsuit, ["c", "d"]),
    ];
    const [story] = buildStorylines(events, entities);
    expect(story?.phases?.map((p) => p.label)).toEqual(["explosion", "meeting", "lawsuit"]);
    expect(story?.headline).toBe("Portville: explosion to meeting to lawsuit");
  });

  it("tells a disaster once: a later phase of its family is its aftermath", () => {
    const meeting = { family: "talks", label: "meeting" };
    const events = [
      event("2010-04-20", explosion, ["a", "b", "c"], ["e-port", "e-acme"]),
      event("2010-06-16", meeting, ["a", "b"], ["e-port", "e-acme"]),
      event("2010-09-08", spill, ["c", "d"], ["e-port", "e-acme"]),
    ];
    const [story] = buildStorylines(events, entities);
    expect(story?.phases?.map((p) => p.label)).toEqual(["explosion", "meeting", "spill"]);
    expect(story?.headline).toBe("Portville: explosion to meeting");
  });

  it("names a phase's place only when two articles name it there", () => {
    const story = (dockside: Event) =>
      buildStorylines(
        [
          event("2010-04-20", spill, ["a", "b"], ["e-port", "e-acme"]),
          event("2010-04-21", spill, ["a", "b"], ["e-port", "e-acme"]),
          event("2010-04-22", spill, ["a"], ["e-port", "e-acme"]),
          event("2010-04-23", spill, ["c"], ["e-port", "e-acme"]),
          dockside,
          event("2010-06-02", hearing, ["a"], ["e-port", "e-acme"]),
          event("2010-06-03", hearing, ["d"], ["e-port", "e-acme"]),
        ],
        entities,
      )[0]?.headline;
    const names = ["e-port", "e-dock", "e-acme"];
    expect(story(event("2010-06-01", hearing, ["a", "c"], names))).toBe(
      "Portville: spill to Dockside hearing",
    );
    // One article's word alone never heads a phase.
    const once = ["Acme news from Portville.", "Dockside and Acme news."];
    expect(story(event("2010-06-01", hearing, ["a", "c"], names, once))).toBe(
      "Portville: spill to hearing",
    );
  });

  it("never heads a phase with a dateline's place, in capitals or before a wire's name", () => {
    const headline = (principal: Event) =>
      buildStorylines(
        [
          event("2010-04-20", spill, ["a", "b"], ["e-port", "e-acme"]),
          event("2010-04-21", spill, ["a", "b"], ["e-port", "e-acme"]),
          event("2010-04-22", spill, ["c"], ["e-port", "e-acme"]),
          principal,
          event("2010-06-02", hearing, ["a"], ["e-port", "e-acme"]),
          event("2010-06-03", hearing, ["d"], ["e-port", "e-acme"]),
        ],
        entities,
      )[0]?.headline;
    expect(headline(event("2010-06-01", hearing, ["a", "c"], ["e-port", "e-wire", "e-acme"]))).toBe(
      "Portville: spill to hearing",
    );
    const filed = [
      "Newtown (Wire One) - Acme news from Portville.",
      "Newtown (Wire) -- Acme news.",
    ];
    const names = ["e-port", "e-filed", "e-acme"];
    expect(headline(event("2010-06-01", hearing, ["a", "c"], names, filed))).toBe(
      "Portville: spill to hearing",
    );
    // Named in the report itself, the place heads its phase.
    const told = ["Acme news from Newtown.", "Newtown (Wire) -- Acme news in Newtown."];
    expect(headline(event("2010-06-01", hearing, ["a", "c"], names, told))).toBe(
      "Portville: spill to Newtown hearing",
    );
  });

  it("takes the story's subject for its topic before a source who tells it", () => {
    const topic = (speakers: ReadonlySet<string>) =>
      buildStorylines(
        [
          event("2010-04-20", spill, ["a"], ["e-acme", "e-dock"]),
          event("2010-04-21", spill, ["b"], ["e-acme", "e-dock"]),
          event("2010-04-22", spill, ["c"], ["e-acme"]),
          event("2010-04-23", spill, ["d"], ["e-dock"]),
          event("2010-04-24", spill, ["e"], ["e-acme"]),
        ],
        entities.map((e) => (e.id === "e-dock" ? { ...e, kind: "person" as const } : e)),
        { speakers },
      )[0]?.topic;
    expect(topic(new Set())).toBe("Acme");
    expect(topic(new Set(["e-acme"]))).toBe("Dockside");
  });

  it("never takes a name of one letter for its topic", () => {
    const events = [
      event("2010-04-20", spill, ["a", "b"], ["e-t", "e-acme"]),
      event("2010-04-21", spill, ["a", "c"], ["e-t", "e-acme"]),
      event("2010-04-22", spill, ["b", "c"], ["e-t"]),
    ];
    expect(buildStorylines(events, entities)[0]?.topic).toBe("Acme");
  });
});
