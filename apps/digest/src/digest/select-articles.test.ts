import { type Article, dayEstimate } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { selectArticles } from "./select-articles.js";

const article = (id: string, day: string | null): Article => ({
  id,
  title: id,
  paragraphs: ["Text."],
  language: "en",
  published: day
    ? dayEstimate(day, [{ text: day, rule: "metadata" }], 0.95)
    : { start: null, end: null, precision: "unknown", evidence: [], confidence: 0 },
  origins: [{ path: `${id}.txt`, format: "text" }],
});

const articles = [
  article("old", "2026-01-05"),
  article("d9", "2026-01-09"),
  article("d10", "2026-01-10"),
  article("d11", "2026-01-11"),
  article("undated", null),
];
const base = { origin: new Date("2026-01-09T07:00:00Z"), timezone: "Europe/London" };

describe("selectArticles", () => {
  it("takes what arrived before the period's end, from the origin's day, not covered before", () => {
    const first = selectArticles(articles, {
      ...base,
      covered: new Set(),
      end: new Date("2026-01-10T07:00:00Z"),
    });
    expect(first.map((a) => a.id)).toEqual(["d9", "d10", "undated"]);
    const second = selectArticles(articles, {
      ...base,
      covered: new Set(first.map((a) => a.id)),
      end: new Date("2026-01-11T07:00:00Z"),
    });
    expect(second.map((a) => a.id)).toEqual(["d11"]);
  });

  it("takes an article added late in the next period instead of skipping it", () => {
    const late = [...articles, article("late-d9", "2026-01-09")];
    const covered = new Set(["d9", "d10", "undated", "d11"]);
    expect(
      selectArticles(late, { ...base, covered, end: new Date("2026-01-12T07:00:00Z") }).map(
        (a) => a.id,
      ),
    ).toEqual(["late-d9"]);
  });

  it("reads days in the digest's time zone", () => {
    // 2026-07-01 begins at 2026-06-30T23:00Z in London (BST), after a period ending at 22:30Z.
    const summer = [article("s", "2026-07-01")];
    const options = {
      covered: new Set<string>(),
      origin: new Date("2026-06-01T00:00:00Z"),
      timezone: "Europe/London",
    };
    expect(
      selectArticles(summer, { ...options, end: new Date("2026-06-30T22:30:00Z") }),
    ).toHaveLength(0);
    expect(
      selectArticles(summer, { ...options, end: new Date("2026-06-30T23:30:00Z") }),
    ).toHaveLength(1);
  });
});
