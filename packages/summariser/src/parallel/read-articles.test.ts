import type { Article } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { extractMentions } from "../mentions/extract-mentions.js";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { readArticles } from "./read-articles.js";

const SENTENCES = [
  "The Delta Water Board approved the Riverton flood barrier on Tuesday.",
  "Engineers said work would start on 3 May, a month later than planned.",
  "Protesters blocked the bridge at the weekend, police said.",
  "Heavy rain flooded 40 homes on Wednesday, the board said.",
];

function article(i: number, day = `2023-03-${String(1 + (i % 28)).padStart(2, "0")}`): Article {
  return fixtureArticle(`a${i}`, `paper${i % 3}`, day, [
    SENTENCES[i % 4] as string,
    SENTENCES[(i + 1) % 4] as string,
  ]);
}

describe("readArticles", () => {
  const articles = Array.from({ length: 300 }, (_, i) => article(i));
  const oneThread = articles.map((a) => extractMentions(a));

  it("reads a list of articles on two threads as on one, in order", async () => {
    const read = await readArticles({ articles, extra: "kept" }, { threads: 2 });
    expect(read.records).toEqual(oneThread);
    expect(read.extra).toBe("kept");
  });

  it("reads while a loader builds the corpus, and keeps only reads of the final articles", async () => {
    let handed = 0;
    const progress: number[] = [];
    const read = await readArticles(
      async (onBuilt) => {
        // Built in batches as loadCorpus builds them, then some redated before the load ends.
        const built = Array.from({ length: 300 }, (_, i) => article(i, "2024-06-20"));
        for (let i = 0; i < built.length; i += 32) {
          handed += built.slice(i, i + 32).length;
          await onBuilt(built.slice(i, i + 32));
        }
        return { articles: built.map((a, i) => (i % 2 === 0 ? (articles[i] as Article) : a)) };
      },
      { threads: 2, onProgress: (done) => progress.push(done) },
    );
    expect(handed).toBe(300);
    const expected = read.articles.map((a) => extractMentions(a));
    expect(read.records).toEqual(expected);
    expect(read.records[0]).toEqual(oneThread[0]);
    expect(progress.at(-1)).toBe(300);
  });

  it("reads past an article whose reading fails, on any thread, and names it", async () => {
    const broken = { ...article(7), id: "broken", paragraphs: [42 as unknown as string] };
    const list = [...articles.slice(0, 7), broken, ...articles.slice(8)];
    for (const threads of [1, 2]) {
      const read = await readArticles({ articles: list }, { threads });
      expect(read.records[7]).toEqual([]);
      expect(read.records[8]).toEqual(oneThread[8]);
      expect(read.readProblems).toHaveLength(1);
      expect(read.readProblems[0]).toMatchObject({ path: "a7.txt", severity: "error" });
      expect(read.readProblems[0]?.message).toMatch(/could not be read.*left out/);
    }
  });
});
