import { describe, expect, it } from "vitest";
import { type Article, dayEstimate, UNKNOWN_DATE } from "../index.js";
import { articleId } from "./build-article.js";
import { foldDuplicates } from "./fold-duplicates.js";

const BODY = [
  "Rescue teams reached the flooded village on Tuesday after roads were cleared by army engineers working through the night.",
  "More than two hundred people had been cut off for three days, the regional governor said at a press conference in the capital.",
  "Aid agencies said food and clean water were the most urgent needs, and that the river was expected to fall by the weekend.",
  "Schools in the district will stay closed until the end of the month while buildings are checked for damage.",
  "Farmers in the valley lost most of their winter crops, and many said they did not know how they would pay back their loans.",
  "The national weather service had issued a warning four days before the river burst its banks, but few residents left in time.",
  "Volunteers from neighbouring towns arrived with boats on Wednesday morning to help move the elderly to higher ground.",
  "The government promised an emergency fund for rebuilding, though it gave no figure and no date for the first payments.",
];

function article(path: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return {
    id: articleId("Floods", paragraphs),
    title: "Floods",
    paragraphs,
    language: "en",
    published: UNKNOWN_DATE,
    origins: [{ path, format: "text" }],
    ...extra,
  };
}

describe("foldDuplicates", () => {
  it("folds exact copies into one article that keeps every origin and fills missing metadata", () => {
    const a = article("a.txt", BODY);
    const b = article("b.html", BODY, {
      publisher: "Example Post",
      url: "https://post.example/floods",
    });
    const { articles, folded } = foldDuplicates([a, b]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.origins.map((o) => o.path)).toEqual(["a.txt", "b.html"]);
    expect(articles[0]?.publisher).toBe("Example Post");
    expect(folded).toEqual([{ keptId: a.id, foldedId: b.id, similarity: 1 }]);
  });

  it("folds a near copy (one word changed) and keeps the longer text", () => {
    const near = [...BODY];
    near[1] = (near[1] as string).replace("two hundred", "two hundred and fifty");
    const { articles, folded } = foldDuplicates([article("a.txt", BODY), article("b.txt", near)]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.paragraphs[1]).toContain("two hundred and fifty");
    expect(folded[0]?.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps near copies published months apart: a re-run is a new publication", () => {
    const near = [...BODY];
    near[1] = (near[1] as string).replace("two hundred", "two hundred and fifty");
    const day = (d: string) => dayEstimate(d, [{ text: d, rule: "metadata" }], 0.9);
    const pair = (other: string) =>
      foldDuplicates([
        article("a.txt", BODY, { published: day("2021-03-01") }),
        article("b.txt", near, { published: day(other) }),
      ]).articles.length;
    expect(pair("2022-03-01")).toBe(2);
    expect(pair("2021-04-15")).toBe(2);
    expect(pair("2021-03-20")).toBe(1);
  });

  it("keeps articles that share only part of their text", () => {
    const other = [
      BODY[0] as string,
      "The opposition called for an inquiry into why warnings had been ignored by officials for weeks.",
      "Insurers said claims could reach record levels this year, with farms worst hit.",
    ];
    const { articles } = foldDuplicates([article("a.txt", BODY), article("b.txt", other)]);
    expect(articles).toHaveLength(2);
  });

  it("respects the threshold", () => {
    const near = [...BODY];
    near[2] =
      "Aid agencies said food, medicine and clean water were the most urgent needs, and the river would fall by the weekend.";
    expect(
      foldDuplicates([article("a.txt", BODY), article("b.txt", near)], { threshold: 0.95 })
        .articles,
    ).toHaveLength(2);
    expect(
      foldDuplicates([article("a.txt", BODY), article("b.txt", near)], { threshold: 0.8 }).articles,
    ).toHaveLength(1);
  });

  it("folds a chain of copies among many distinct articles, in input order", () => {
    const distinct = Array.from({ length: 50 }, (_, i) =>
      article(`d${i}.txt`, [
        `Story number ${i} tells of event ${i * 7} in town ${i * 13} on day ${i % 28}.`,
        `Officials in town ${i * 13} said ${i} people took part.`,
      ]),
    );
    const copies = [article("c1.txt", BODY), article("c2.txt", BODY), article("c3.txt", BODY)];
    const { articles } = foldDuplicates([copies[0]!, ...distinct, copies[1]!, copies[2]!]);
    expect(articles).toHaveLength(51);
    expect(articles[0]?.origins.map((o) => o.path)).toEqual(["c1.txt", "c2.txt", "c3.txt"]);
  });
});
