import { type Article, dayEstimate } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { extractMentions, sameExtractionInput } from "../mentions/extract-mentions.js";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { createExtractionPool } from "./extraction-pool.js";

const SENTENCES = [
  "The Delta Water Board approved the Riverton flood barrier on Tuesday.",
  "Engineers said work would start on 3 May, a month later than planned.",
  "Protesters blocked the bridge at the weekend, police said.",
  "Mayor Ana Ruiz's office called the vote a turning point last week.",
  "Heavy rain flooded 40 homes on Wednesday, the board said.",
];

function article(i: number): Article {
  const day = `2023-03-${String(1 + (i % 28)).padStart(2, "0")}`;
  return fixtureArticle(`a${i}`, `paper${i % 3}`, day, [
    SENTENCES[i % 5] as string,
    SENTENCES[(i + 2) % 5] as string,
  ]);
}

/** A later day of publication: the same sentences then read as other dates. */
function redated(a: Article): Article {
  return { ...a, published: dayEstimate("2024-06-20", [{ text: "x", rule: "metadata" }], 0.9) };
}

describe("createExtractionPool", () => {
  it("uses what the workers read ahead only where the article is unchanged, and reads the rest", async () => {
    const built = Array.from({ length: 400 }, (_, i) => article(i));
    const pool = createExtractionPool({ threads: 2, charactersPerThread: 1000 });
    try {
      for (let i = 0; i < built.length; i += 32) await pool.readAhead(built.slice(i, i + 32));
      // As after loading: some articles redated or rewritten under the same id, some folded
      // away, some new, with other origins and titles where nothing read changed.
      const final = built
        .filter((_, i) => i % 11 !== 0)
        .map((a, i) =>
          i % 7 === 0
            ? redated(a)
            : i % 13 === 0
              ? { ...a, paragraphs: [...a.paragraphs].reverse() }
              : {
                  ...a,
                  title: "Other title",
                  origins: [{ path: "x.txt", format: "text" as const }],
                },
        );
      final.splice(50, 0, article(1000), article(1001));
      const progress: number[] = [];
      const records = await pool.extract(final, { onProgress: (done) => progress.push(done) });
      expect(records).toEqual(final.map((a) => extractMentions(a)));
      expect(progress.at(-1)).toBe(final.length);
    } finally {
      await pool.close();
    }
  });

  it("reads as one thread does when prepared for a large corpus before its articles come", async () => {
    const built = Array.from({ length: 60 }, (_, i) => article(i));
    const pool = createExtractionPool({ threads: 2, charactersPerThread: 1000 });
    try {
      pool.prepare(50_000);
      // The first articles go to the worker at once, ready or not; it may be taken back.
      await pool.readAhead(built.slice(0, 4));
      for (let i = 4; i < built.length; i += 8) await pool.readAhead(built.slice(i, i + 8));
      const final = built.map((a, i) => (i % 3 === 0 ? redated(a) : a));
      expect(await pool.extract(final)).toEqual(final.map((a) => extractMentions(a)));
    } finally {
      await pool.close();
    }
  });

  it("reads everything itself when too few articles come to be worth a worker", async () => {
    const pool = createExtractionPool({ threads: 2 });
    try {
      pool.prepare(2_000);
      const few = Array.from({ length: 20 }, (_, i) => article(i));
      await pool.readAhead(few);
      const records = await pool.extract(few.map(redated));
      expect(records).toEqual(few.map(redated).map((a) => extractMentions(a)));
    } finally {
      await pool.close();
    }
  });

  it("reads with its extraction options on every thread, leaving out only what they leave out", async () => {
    const articles = Array.from({ length: 120 }, (_, i) => article(i));
    const extraction = { names: false, numbers: false };
    const pool = createExtractionPool({ threads: 2, charactersPerThread: 1000, extraction });
    try {
      const records = await pool.extract(articles);
      expect(records).toEqual(articles.map((a) => extractMentions(a, extraction)));
      const full = articles.map((a) => extractMentions(a));
      expect(full.flat().some((r) => r.names.length > 0 && r.numbers.length > 0)).toBe(true);
      expect(records).toEqual(
        full.map((list) => list.map((r) => ({ ...r, names: [], numbers: [] }))),
      );
    } finally {
      await pool.close();
    }
  });
});

describe("sameExtractionInput", () => {
  it("holds for the same id, paragraphs and publication date, whatever else differs", () => {
    const a = article(3);
    expect(sameExtractionInput(a, { ...a, title: "x", language: "und", origins: [] })).toBe(true);
    expect(sameExtractionInput(a, { ...a, paragraphs: [...a.paragraphs] })).toBe(true);
    expect(sameExtractionInput(a, { ...a, published: structuredClone(a.published) })).toBe(true);
    expect(sameExtractionInput(a, redated(a))).toBe(false);
    expect(sameExtractionInput(a, { ...a, id: "other" })).toBe(false);
    expect(sameExtractionInput(a, { ...a, paragraphs: [a.paragraphs[0] as string] })).toBe(false);
    expect(sameExtractionInput(a, { ...a, paragraphs: [...a.paragraphs, "More."] })).toBe(false);
  });
});
