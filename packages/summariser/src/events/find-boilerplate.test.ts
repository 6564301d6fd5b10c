import { describe, expect, it } from "vitest";
import { extractMentions } from "../mentions/extract-mentions.js";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { findBoilerplate } from "./find-boilerplate.js";

const articles = [
  ["a1", "2023-03-01", "Friday 3 March 2023", "costs"],
  ["a2", "2023-03-08", "Wednesday 8 March 2023", "route"],
  ["a3", "2023-03-15", "Thursday 16 Mar 2023", "height"],
].map(([id, day, printed, topic]) =>
  fixtureArticle(id as string, "Wire", day as string, [
    `The Delta Water Board met on Tuesday to discuss the barrier's ${topic}, officials said.`,
    `A version of this story appeared in print on page 4 of the Riverton Herald on ${printed}.`,
    "March 1 - The Delta Water Board approves the Riverton flood barrier after a long debate.",
  ]),
);
// The same wire story printed by three papers on one day is news, not furniture.
const sameDay = ["b1", "b2", "b3"].map((id, i) =>
  fixtureArticle(id, `Paper ${i}`, "2023-03-20", [
    "Heavy rain flooded 40 homes in Riverton on Sunday, the Delta Water Board said.",
  ]),
);

describe("findBoilerplate", () => {
  const all = [...articles, ...sameDay];
  const records = all.flatMap((a) => extractMentions(a));
  const found = findBoilerplate(records, all);
  const furniture = records.filter((r) => found.has(r)).map((r) => r.mention.text);

  it("finds a line printed on three or more days, whatever its dates and figures", () => {
    expect(furniture).toHaveLength(3);
    for (const text of furniture) expect(text).toMatch(/^A version of this story appeared/);
  });

  it("keeps news printed once a day, a wire story on one day, and a chronology's dated entries", () => {
    expect(furniture.join("\n")).not.toMatch(/met on Tuesday|Heavy rain|approves the Riverton/);
  });
});
