import { describe, expect, it } from "vitest";
import {
  type Briefing,
  BriefingSchema,
  DateEstimateSchema,
  getBriefingJsonSchema,
  UNKNOWN_DATE,
} from "../index.js";

const briefing: Briefing = {
  schemaVersion: 2,
  generatedAt: "2022-01-20T08:00:00.000Z",
  headline: "Harbour: storm to reopening",
  summary: [{ text: "The harbour reopened after a storm.", articleIds: ["a1"] }],
  timeline: [
    {
      day: "2022-01-10",
      until: "2022-01-10",
      precision: "day",
      eventId: "e1",
      storylineId: "s1",
      text: "The harbour reopened on Monday.",
      articleIds: ["a1"],
      sources: 1,
      rank: 1,
      score: 1.5,
    },
  ],
  background: [],
  storylines: [
    {
      id: "s1",
      topic: "Harbour",
      headline: "Harbour: storm to reopening",
      events: [
        {
          id: "e1",
          date: {
            start: "2022-01-10",
            end: "2022-01-10",
            precision: "day",
            evidence: [{ text: "on Monday", rule: "weekday-past" }],
            confidence: 0.8,
          },
          kind: "other",
          title: "Harbour reopens",
          summary: "The harbour reopened on Monday.",
          entities: ["n1"],
          mentions: [
            {
              articleId: "a1",
              sentence: 0,
              span: [0, 31],
              text: "The harbour reopened on Monday.",
            },
          ],
          corroboration: 1,
        },
      ],
    },
  ],
  entities: [
    { id: "n1", name: "Harbour Authority", kind: "organisation", aliases: ["port authority"] },
  ],
  articles: [
    {
      id: "a1",
      title: "Harbour reopens",
      paragraphs: ["The harbour reopened on Monday."],
      language: "en",
      published: UNKNOWN_DATE,
      origins: [{ path: "a.txt", format: "text" }],
    },
  ],
  caveats: [],
  problems: [],
};

describe("the model", () => {
  it("accepts a well-formed briefing and survives a JSON round trip", () => {
    expect(BriefingSchema.parse(JSON.parse(JSON.stringify(briefing)))).toEqual(briefing);
  });

  it("rejects impossible dates, reversed ranges and precise dates without bounds", () => {
    const base = { evidence: [], confidence: 0.5 };
    expect(
      DateEstimateSchema.safeParse({
        ...base,
        start: "2021-02-29",
        end: "2021-02-29",
        precision: "day",
      }).success,
    ).toBe(false);
    expect(
      DateEstimateSchema.safeParse({
        ...base,
        start: "2024-02-29",
        end: "2024-02-29",
        precision: "day",
      }).success,
    ).toBe(true);
    expect(
      DateEstimateSchema.safeParse({
        ...base,
        start: "2021-03-02",
        end: "2021-03-01",
        precision: "week",
      }).success,
    ).toBe(false);
    expect(
      DateEstimateSchema.safeParse({ ...base, start: null, end: null, precision: "month" }).success,
    ).toBe(false);
    expect(
      DateEstimateSchema.safeParse({
        ...base,
        start: "2021-08-15",
        end: null,
        precision: "unknown",
      }).success,
    ).toBe(true);
  });

  it("names the field that is wrong", () => {
    const bad = {
      ...briefing,
      storylines: [
        {
          ...briefing.storylines[0],
          events: [{ ...briefing.storylines[0]!.events[0], kind: "party" }],
        },
      ],
    };
    const result = BriefingSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["storylines", 0, "events", 0, "kind"]);
  });

  it("exports a JSON Schema of the briefing", () => {
    const schema = getBriefingJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties as object)).toEqual([
      "schemaVersion",
      "generatedAt",
      "headline",
      "summary",
      "timeline",
      "background",
      "storylines",
      "entities",
      "caveats",
      "changes",
      "articles",
      "problems",
    ]);
  });
});
