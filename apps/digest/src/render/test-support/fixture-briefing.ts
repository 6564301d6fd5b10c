import {
  type Article,
  type Briefing,
  BriefingSchema,
  type DateEstimate,
  type Event,
  type EventKind,
  type TimelineEntry,
} from "@briefing/core";

/** A day's estimate as a test would write it. */
export function day(iso: string, evidence = "on Monday"): DateEstimate {
  return {
    start: iso,
    end: iso,
    precision: "day",
    evidence: [
      { text: evidence, rule: "weekday" },
      { text: `${iso}/${iso}`, rule: "reference" },
    ],
    confidence: 0.8,
  };
}

/** An article with the fields renderers read. */
export function article(id: string, fields: Partial<Article> = {}): Article {
  return {
    id,
    title: `Title ${id}`,
    paragraphs: ["Text."],
    language: "en",
    published: day("2021-09-01", "1 September 2021"),
    origins: [{ path: `corpus/${id}.txt`, format: "text" }],
    ...fields,
  };
}

/** An event reported by the given articles, with its summary. */
export function event(
  id: string,
  kind: EventKind,
  date: DateEstimate,
  summary: string,
  articleIds: string[],
  extra: Partial<Event> = {},
): Event {
  return {
    id,
    date,
    kind,
    title: summary.slice(0, 40),
    summary,
    entities: [],
    mentions: articleIds.map((articleId) => ({
      articleId,
      sentence: 0,
      span: [0, 1],
      text: summary,
    })),
    corroboration: new Set(articleIds).size,
    ...extra,
  };
}

/** Timeline entries for dated events, ranked in the order given. */
export function timelineEntries(storylineId: string, events: readonly Event[]): TimelineEntry[] {
  return events
    .map((e, i) => ({
      day: e.date.start as string,
      until: e.date.end as string,
      precision: e.date.start === e.date.end ? ("day" as const) : ("week" as const),
      eventId: e.id,
      storylineId,
      text: e.summary,
      articleIds: [...new Set(e.mentions.map((m) => m.articleId))].sort(),
      ...(/\d/.test(e.date.evidence[0]?.text ?? "0")
        ? {}
        : { dateNote: `from ‘${e.date.evidence[0]?.text}’` }),
      ...(e.disputed ? { disputes: e.disputed } : {}),
      sources: e.corroboration,
      rank: i + 1,
      score: 10 - i,
    }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.rank - b.rank));
}

const undated: DateEstimate = {
  start: null,
  end: null,
  precision: "unknown",
  evidence: [],
  confidence: 0,
};

/**
 * A small, fixed briefing: one storyline in two phases with a corroborated event, a disputed
 * figure, a single-source claim, a minor statement left out, background and undated entries;
 * three articles (two with URLs, one read from a file); an input problem.
 */
export function fixtureBriefing(): Briefing {
  const talks = event(
    "e1",
    "talks",
    day("2021-08-25", "on Wednesday"),
    "Delegations met in Charikar for talks.",
    ["a1", "a2"],
  );
  const offer = event(
    "e2",
    "proposal",
    day("2021-08-29", "on Sunday"),
    "The front offered a ceasefire.",
    ["a2"],
  );
  const fighting = event(
    "e3",
    "offensive",
    day("2021-09-06", "on Monday"),
    "Fighting spread to the valley's districts.",
    ["a1", "a3"],
    {
      disputed: [
        {
          about: "killed",
          claims: [
            { value: "10", articleIds: ["a1"] },
            { value: "34", articleIds: ["a3"] },
          ],
        },
      ],
    },
  );
  const said = event("e4", "statement", day("2021-09-06"), "A spokesman said little.", ["a3"]);
  const history = event(
    "e5",
    "other",
    {
      start: "1990-01-01",
      end: "1999-12-31",
      precision: "unknown",
      evidence: [{ text: "the 1990s", rule: "decade" }],
      confidence: 0.5,
    },
    "The valley resisted in the 1990s.",
    ["a1", "a2"],
  );
  const loose = event("e6", "capture", undated, "Fighters entered the capital.", ["a3"]);
  return BriefingSchema.parse({
    schemaVersion: 2,
    generatedAt: "2021-09-08T06:00:00.000Z",
    headline: "Valley: talks to offensive",
    summary: [
      { text: "Delegations met in Charikar for talks.", articleIds: ["a1", "a2"] },
      { text: "Fighting spread to the valley's districts.", articleIds: ["a1", "a3"] },
    ],
    timeline: timelineEntries("s1", [fighting, talks, offer, said]),
    background: [{ text: history.summary, articleIds: ["a1", "a2"] }],
    storylines: [
      {
        id: "s1",
        topic: "Valley",
        headline: "Valley: talks to offensive",
        phases: [
          { label: "talks", events: ["e1", "e2"] },
          { label: "offensive", events: ["e3", "e4"] },
        ],
        events: [talks, offer, fighting, said, history, loose],
      },
    ],
    entities: [
      { id: "p1", name: "Ahmad Massoud", kind: "person", aliases: ["Ahmad Masood", "Massoud"] },
      { id: "o1", name: "National Resistance Front", kind: "organisation", aliases: ["NRF"] },
      { id: "x1", name: "Wednesday", kind: "other", aliases: [] },
    ],
    caveats: [
      { eventId: "e3", kind: "disputed", text: fighting.summary, articleIds: ["a1", "a3"] },
      { eventId: "e2", kind: "single-source", text: offer.summary, articleIds: ["a2"] },
    ],
    articles: [
      article("a1", {
        publisher: "Daily One",
        url: "https://one.example/talks?id=1&lang=en",
        published: day("2021-09-06", "6 September 2021"),
      }),
      article("a2", { publisher: "Two Times", url: "https://two.example/a2" }),
      article("a3", { title: "Fighting in the valley" }),
      article("a4", { title: "An article nothing cites" }),
    ],
    problems: [
      {
        path: "corpus/empty.txt",
        message: "expected article text, found an empty file",
        severity: "error",
      },
    ],
  });
}
