import { describe, expect, it } from "vitest";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { buildTimeline } from "./build-timeline.js";

const articles = [
  fixtureArticle("a", "One", "2023-03-03", [
    "Riverton and the Delta Water Board signed a flood barrier agreement on Thursday.",
    "Engineers said building work would start in May.",
  ]),
  fixtureArticle("b", "Two", "2023-03-03", [
    "The Delta Water Board agreed on Thursday to build a barrier with Riverton.",
  ]),
  fixtureArticle("c", "Three", "2023-03-08", [
    "Protesters blocked the Riverton bridge on Tuesday against the barrier plan.",
    "Police arrested twelve protesters at the bridge on Tuesday.",
  ]),
  fixtureArticle("d", "Four", "2023-02-10", ["Heavy rain flooded Riverton on Wednesday."]),
];

describe("buildTimeline", () => {
  const options = { dates: 2, sentencesPerDate: 1, from: "2023-03-01", to: "2023-03-31" };

  it("returns exactly the budget: that many dates, that many sentences each, oldest first", () => {
    const timeline = buildTimeline(articles, options);
    expect(timeline.map((e) => e.date)).toEqual(["2023-03-02", "2023-03-07"]);
    for (const entry of timeline) expect(entry.sentences).toHaveLength(1);
  });

  it("keeps to the window and prefers the day most articles report", () => {
    const one = buildTimeline(articles, { ...options, dates: 1 });
    expect(one.map((e) => e.date)).toEqual(["2023-03-02"]);
    expect(
      buildTimeline(articles, { ...options, dates: 5 }).every((e) => e.date >= "2023-03-01"),
    ).toBe(true);
  });

  it("leaves out near-repeats when it can, and follows the query", () => {
    const two = buildTimeline(articles, { ...options, dates: 1, sentencesPerDate: 2 });
    expect(new Set(two[0]?.sentences.map((s) => s.articleId))).toEqual(new Set(["a", "b"]));
    const arrests = buildTimeline(articles, { ...options, query: "police arrested" });
    expect(arrests[1]?.sentences[0]?.text).toContain("arrested");
  });

  it("ranks a day recalled by later articles above a busier day nobody looks back on", () => {
    const recalled = [
      ...articles,
      fixtureArticle("e", "Five", "2023-03-20", [
        "The barrier deal signed on 2 March was the turning point, the mayor said.",
      ]),
      ...["Six", "Seven", "Eight", "Nine"].map((publisher, i) =>
        fixtureArticle(`busy${i}`, publisher, "2023-03-14", [
          `Crowds filled Riverton for the spring fair on Tuesday, ${publisher} reported.`,
        ]),
      ),
    ];
    expect(buildTimeline(recalled, { ...options, dates: 1 }).map((e) => e.date)).toEqual([
      "2023-03-02",
    ]);
  });
  it("prefers the entries of a chronology written into an article, shown without their date", () => {
    const entries = [
      "March 2 - The board approves the barrier deal with Riverton.",
      "March 7 - Protesters block the bridge against the barrier plan.",
      "March 20 - Building work starts on the barrier.",
    ];
    const day = (list: string[]) =>
      buildTimeline([...articles, fixtureArticle("k", "Five", "2023-06-30", list)], {
        ...options,
        dates: 1,
      })[0];
    expect(day(entries)).toEqual({
      date: "2023-03-02",
      sentences: [{ text: "The board approves the barrier deal with Riverton.", articleId: "k" }],
    });
    // Two dated sentences do not make a chronology: the day's most central report is chosen.
    expect(day(entries.slice(0, 2))?.sentences[0]?.articleId).not.toBe("k");
  });
  it("lists with an entry of a chronology the sentences that carry it on, before other reports", () => {
    const chronology = fixtureArticle("k", "Five", "2023-06-30", [
      "March 2 - The board approves the barrier deal with Riverton.",
      "The mayor says the deal ends ten years of talks.",
      "March 7 - Protesters block the bridge against the barrier plan.",
      "March 20 - Building work starts on the barrier.",
    ]);
    const [day] = buildTimeline([...articles, chronology], {
      ...options,
      dates: 1,
      sentencesPerDate: 2,
    });
    expect(day).toEqual({
      date: "2023-03-02",
      sentences: [
        { text: "The board approves the barrier deal with Riverton.", articleId: "k" },
        { text: "The mayor says the deal ends ten years of talks.", articleId: "k" },
      ],
    });
  });
  it("does not take an opening sentence dated to another day as news of the day it came out", () => {
    const later = fixtureArticle("z", "Ten", "2023-03-09", [
      "The board met the protesters on 7 March.",
      "The mayor said a new gauge would warn of floods.",
    ]);
    const timeline = buildTimeline([...articles, later], { ...options, dates: 10 });
    expect(timeline.find((e) => e.date === "2023-03-09")?.sentences).toEqual([
      { text: "The mayor said a new gauge would warn of floods.", articleId: "z" },
    ]);
  });
  it("also ranks days by their attention against what was published in the week either side", () => {
    const story = (day: string, weekday: string, count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) =>
        fixtureArticle(`${prefix}${i}`, "Paper", day, [
          `The water board met the engineers again on ${weekday}.`,
        ]),
      );
    // A busy Saturday looks back on four days; a quiet Monday on one, as often as on Wednesday.
    const corpus = [
      ...story("2023-03-04", "Friday", 6, "f"),
      ...story("2023-03-04", "Thursday", 5, "t"),
      ...story("2023-03-04", "Wednesday", 4, "w"),
      ...story("2023-03-04", "Tuesday", 3, "u"),
      ...story("2023-03-27", "Saturday", 4, "s"),
    ];
    const window = { sentencesPerDate: 1, from: "2023-02-20", to: "2023-03-31" };
    expect(buildTimeline(corpus, { ...window, dates: 3 }).map((e) => e.date)).toEqual([
      "2023-03-02",
      "2023-03-03",
      "2023-03-25",
    ]);
  });
});
