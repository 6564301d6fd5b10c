import { type Article, dayEstimate } from "@briefing/core";

/** A small article for tests: an id, a publisher, a day of publication and its paragraphs. */
export function fixtureArticle(
  id: string,
  publisher: string,
  day: string,
  paragraphs: string[],
): Article {
  return {
    id,
    title: `${publisher} story ${id}`,
    paragraphs,
    language: "en",
    published: dayEstimate(day, [{ text: day, rule: "metadata" }], 0.95),
    origins: [{ path: `${id}.txt`, format: "text" }],
    publisher,
  };
}
