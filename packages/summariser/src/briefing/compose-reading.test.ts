import { describe, expect, it } from "vitest";
import { sentenceQuality } from "../mentions/sentence-quality.js";
import { readArticles } from "../parallel/read-articles.js";
import { fixtureArticle } from "../test-support/fixture-article.js";
import { buildBriefing } from "./build-briefing.js";
import { withoutOpeningDate } from "./compose-reading.js";

const now = new Date("2023-04-01T08:00:00Z");
const CREDIT = "The Associated Press contributed to this report on Riverton's flood barrier plans.";

const APPROVED = [
  "The Delta Water Board approved the Riverton flood barrier on Thursday after a long debate.",
  "Riverton's flood barrier was approved by the Delta Water Board on Thursday, officials said.",
  "On Thursday the Delta Water Board approved the flood barrier for Riverton, Mayor Okafor said.",
];

// A flood-barrier story told by four outlets over a month, each page ending with the same credit
// line; a one-page side story; a question and a fragment among the sentences.
const articles = [
  fixtureArticle("a1", "Wire One", "2023-03-02", [
    APPROVED[0] as string,
    "Is the barrier worth its cost to the town's taxpayers?",
    CREDIT,
  ]),
  fixtureArticle("a2", "Daily Two", "2023-03-02", [APPROVED[1] as string, CREDIT]),
  fixtureArticle("a3", "Weekly Three", "2023-03-03", [APPROVED[2] as string, CREDIT]),
  fixtureArticle("a4", "Wire One", "2023-03-16", [
    "Heavy rain flooded 40 homes in Riverton on Wednesday, the Delta Water Board said.",
    "And then the river rose again.",
    CREDIT,
  ]),
  fixtureArticle("a5", "Daily Two", "2023-03-16", [
    "Floods hit 40 homes in Riverton on Wednesday as the river burst its banks, the board said.",
    CREDIT,
  ]),
  fixtureArticle("a6", "Radio Four", "2023-03-28", [
    "Engineers began building the Riverton flood barrier on Monday, the Delta Water Board said.",
    CREDIT,
  ]),
  fixtureArticle("b1", "Sports Five", "2023-03-20", [
    "The Harbour City Lions beat the Northgate Eagles 3-1 on Saturday at Lakeside Stadium.",
  ]),
];

describe("the reading a briefing gives", async () => {
  const read = await readArticles({ articles }, { threads: 1 });
  const briefing = buildBriefing(read, { now });

  it("ranks what several outlets report above what one does, and dates each entry to a day", () => {
    expect(briefing.timeline.length).toBeGreaterThanOrEqual(3);
    const top = [...briefing.timeline].sort((a, b) => a.rank - b.rank)[0];
    expect(top?.text).toMatch(/approved/);
    expect(top?.sources).toBeGreaterThanOrEqual(2);
    expect(top?.day).toBe("2023-03-02");
    for (const entry of briefing.timeline) {
      expect(entry.precision).toBe("day");
      expect(entry.articleIds.length).toBeGreaterThan(0);
      expect(entry.score).toBeGreaterThan(0);
    }
    const days = briefing.timeline.map((e) => e.day);
    expect(days).toEqual([...days].sort());
  });

  it("leaves out the credit line every page carries, the question and the fragment", () => {
    const shown = [
      ...briefing.timeline,
      ...briefing.summary,
      ...briefing.background,
      ...briefing.caveats,
    ].map((e) => e.text);
    expect(shown.join("\n")).not.toMatch(/contributed to this report|worth its cost|And then/);
  });

  it("tells the main story, not the one-page side story, and keeps to the reading budget", () => {
    expect(briefing.headline).toMatch(/^Riverton/);
    expect(briefing.timeline.map((e) => e.text).join(" ")).not.toMatch(/Lions/);
    const short = buildBriefing(read, { now, maxWords: 150 });
    expect(short.timeline.length).toBeLessThan(briefing.timeline.length);
    expect(short.timeline.length).toBeGreaterThan(0);
    expect(short.summary.length).toBeLessThanOrEqual(2);
  });
});

describe("sentenceQuality", () => {
  it("quarters questions and fragments, halves quote fragments, pronoun subjects, odd lengths", () => {
    expect(sentenceQuality("The Delta Water Board approved the Riverton flood barrier.")).toBe(1);
    for (const poor of [
      "approved the Riverton flood barrier on Thursday, the board said.",
      "He approved the Riverton flood barrier on Thursday afternoon.",
      "The barrier was approved.",
    ])
      expect(sentenceQuality(poor), poor).toBe(0.5);
    for (const none of [
      "Will the Delta Water Board approve the Riverton flood barrier?",
      "And the board approved the Riverton flood barrier on Thursday.",
      ", the board approved the Riverton flood barrier on Thursday.",
      "By Jane Roe BBC News, Riverton The Delta Water Board approved the flood barrier.",
      "Water covers the road to Riverton on Thursday, in this handout photograph.",
      "Water covers the road to Riverton in an image from video provided by the board.",
      "6 January 2011 Last updated at 17:03 GMT Help The Delta Water Board approved the barrier.",
      "Sunday 30 May 2010 20.58 BST The Delta Water Board approved the Riverton flood barrier.",
      "Aug 9, 2010 16:00 UTC The Delta Water Board approved the Riverton flood barrier.",
      "Where the water rose: SOURCES: Delta Water Board, county engineers | Jane Roe/The Gazette",
      "Watch the flood's path since May 2 and view how the coastline is at risk.",
      "If you saw the flood on Thursday please leave a telephone number we can call.",
    ])
      expect(sentenceQuality(none), none).toBe(0.25);
    expect(sentenceQuality(`${"The board met again and ".repeat(8)}approved it.`)).toBe(0.75);
    expect(sentenceQuality("By Friday the Delta Water Board had approved the flood barrier.")).toBe(
      1,
    );
  });
});

describe("withoutOpeningDate", () => {
  it("drops the date a chronology's entry opens with when it is the entry's day, and only that", () => {
    expect(withoutOpeningDate("April 22 - the rig sinks.", "2010-04-22")).toBe("The rig sinks.");
    expect(withoutOpeningDate("• 26 May: BP starts the top kill.", "2010-05-26")).toBe(
      "BP starts the top kill.",
    );
    expect(withoutOpeningDate("On April 22 the rig sank.", "2010-04-22")).toBe(
      "On April 22 the rig sank.",
    );
    expect(withoutOpeningDate("April 22 the rig sank.", "2010-04-22")).toBe(
      "April 22 the rig sank.",
    );
    // Another day than the entry's is news the date carries: it stays.
    expect(withoutOpeningDate("April 22 - the rig sinks.", "2010-04-23")).toBe(
      "April 22 - the rig sinks.",
    );
  });
});

describe("the lede", async () => {
  // Approval and floods in the first days, building a month on: the lede tells the start and
  // where the story stands, not its two first days, nor a sentence that leans on another.
  const story = [
    ...["Wire One", "Daily Two", "Weekly Three"].map((outlet, i) =>
      fixtureArticle(`c${i}`, outlet, i < 2 ? "2023-03-02" : "2023-03-03", [APPROVED[i] as string]),
    ),
    fixtureArticle("c4", "Wire One", "2023-03-04", [
      "Heavy rain flooded 40 homes in Riverton on Friday, the Delta Water Board said.",
    ]),
    fixtureArticle("c5", "Daily Two", "2023-03-04", [
      "Floods hit 40 homes in Riverton on Friday as the river burst its banks, the board said.",
    ]),
    fixtureArticle("c6", "Radio Four", "2023-03-28", [
      "Engineers began building the Riverton flood barrier on Monday, the Delta Water Board said.",
    ]),
    fixtureArticle("c7", "Wire One", "2023-03-28", [
      "Construction of the Riverton flood barrier began on Monday, the Delta Water Board said.",
    ]),
    ...["Weekly Three", "Daily Two", "Metro Six"].map((outlet, i) =>
      fixtureArticle(`d${i}`, outlet, "2023-03-28", [
        `However, Riverton's treasurer Ana Lima warned on Monday that the town could not pay ${20 + i} percent of the bill.`,
      ]),
    ),
  ];
  const read = await readArticles({ articles: story }, { threads: 1 });
  const briefing = buildBriefing(read, { now });

  it("tells where the story began and where it stands, in sentences that stand alone", () => {
    const lede = briefing.summary.map((s) => s.text);
    expect(lede).toHaveLength(2);
    expect(lede[0]).toMatch(/approved/);
    expect(lede[1]).toMatch(/began building|Construction/);
  });
});
