import { describe, expect, it } from "vitest";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { extractMentions } from "./extract-mentions.js";

const read = (day: string, ...paragraphs: string[]) =>
  extractMentions(fixtureArticle("a", "Wire", day, paragraphs)).filter((r) => r.reports);

describe("extractMentions", () => {
  it("dates a report by its own expression, else by the report when it was said", () => {
    const [dated, said] = read(
      "2006-01-27",
      "General Motors cut 30,000 jobs in North America on Monday after heavy losses.",
      "The carmaker also closed a plant in Oklahoma, a spokesman said.",
    );
    expect([dated?.date.start, dated?.dateText]).toEqual(["2006-01-23", "on Monday"]);
    expect([said?.date.start, said?.date.evidence[0]?.rule]).toEqual([
      "2006-01-27",
      "reporting-date",
    ]);
  });

  it("dates the lead's two sentences by the report; a dateline is no part of the lead", () => {
    const records = read(
      "2005-02-17",
      "February 17, 2005",
      "Boeing has unveiled a new ultra-long range version of its 777 airliner in Seattle.",
      "The aircraft can carry 301 passengers from London to Sydney without a stop.",
      "The airliner will be the basis for an all-freight version of the aircraft.",
    );
    const ruleOf = (word: string) =>
      records.find((r) => r.mention.text.includes(word))?.date.evidence[0]?.rule;
    expect([ruleOf("unveiled"), ruleOf("301 passengers")]).toEqual(["lead", "lead"]);
    expect(ruleOf("all-freight")).toBeUndefined();
  });

  it("takes no date from the point a comparison counts from; a plain 'since' starts what goes on", () => {
    const records = extractMentions(
      fixtureArticle("a", "Wire", "2006-01-27", [
        "The carmaker's board met in Detroit for most of the week to weigh its options.",
        "Its chief executive has promised a plan to return the company to profit.",
        "General Motors posted its first annual loss since 1992, the company said.",
        "The shares closed at their lowest level since October 1997 after heavy selling by funds.",
        "Sales of its trucks fell 12 percent compared with March of 2005 as fuel prices rose.",
        "Toyota has out-sold the carmaker in Asia since 2003 with its smaller models.",
      ]),
    );
    const dateOf = (word: string) => records.find((r) => r.mention.text.includes(word))?.date;
    // What was said is dated by its report; the rest, with no date of its own, is undated.
    expect(dateOf("annual loss")?.start).toBe("2006-01-27");
    expect(dateOf("lowest level")?.start).toBeNull();
    expect(dateOf("compared with")?.start).toBeNull();
    expect([dateOf("out-sold")?.start, dateOf("out-sold")?.end]).toEqual([
      "2003-01-01",
      "2003-12-31",
    ]);
  });

  it("counts no day of a date as a figure, in any sentence of a paragraph", () => {
    const records = read(
      "2010-06-10",
      "Rescue teams worked through the night at the mine in the east of the province. Rescuers said that on June 3, 5 workers were pulled alive from the collapsed shaft.",
    );
    const record = records.find((r) => r.mention.text.startsWith("Rescuers"));
    expect(record?.numbers.map((n) => n.text)).toEqual(["5 workers"]);
  });
});
