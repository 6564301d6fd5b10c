import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Briefing } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { datedBeyondSources, evalBriefing, tableOfBriefing } from "./run-eval-briefing.js";

const STORY = [
  ["2023-03-02", "The Delta Water Board approved the Riverton flood barrier on Thursday ."],
  ["2023-03-09", "Heavy rain flooded 40 homes in Riverton on Wednesday , the board said ."],
  [
    "2023-03-16",
    "Engineers began building the Riverton flood barrier on Monday , officials said .",
  ],
  ["2023-03-23", "The Riverton flood barrier held back the river on Tuesday , the mayor said ."],
];

/** A topic of two outlets, each with its articles and a journalist's timeline. */
async function topic(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "eval-briefing-"));
  for (const outlet of ["one_news", "two_times"]) {
    await mkdir(join(dir, outlet, "timelines"), { recursive: true });
    const lines = STORY.flatMap(([day, text], i) =>
      [0, 1].map((k) =>
        JSON.stringify({ id: `${outlet}-${i}-${k}`, time: day, text: `${text} \nIt was news .` }),
      ),
    );
    await writeFile(join(dir, outlet, "articles.jsonl"), `${lines.join("\n")}\n`);
    const gold = STORY.slice(0, 3)
      .map(([day, text]) => `${day}\n${text}\n--------`)
      .join("\n");
    await writeFile(join(dir, outlet, "timelines", `${outlet}.txt`), `${gold}\n`);
  }
  return dir;
}

describe("evalBriefing", () => {
  it("scores each outlet's default briefing and all together beside the lead baseline", async () => {
    const { rows, problems } = await evalBriefing(await topic(), { threads: 1, clock: () => 0 });
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.corpus, r.system])).toEqual([
      ["one_news", "briefing"],
      ["one_news", "lead baseline"],
      ["two_times", "briefing"],
      ["two_times", "lead baseline"],
      ["all 2", "briefing"],
      ["all 2", "lead baseline"],
    ]);
    const all = rows[4];
    // Word-for-word copies are folded when the corpus loads, as brief folds them.
    expect(all?.articles).toBe(4);
    expect(all?.entries).toBeGreaterThan(0);
    expect(all?.scores.date.f).toBeGreaterThan(0);
    expect(all?.scores.ar1.f).toBeGreaterThan(0);
    // Key dates: the three days both timelines have, each found within a day.
    expect(all?.keyDateRecall).toBeGreaterThan(0);
    expect(all?.words).toBeGreaterThan(0);
    expect(all?.words).toBeLessThanOrEqual(1200);
    const [table, told] = tableOfBriefing(rows).trimEnd().split("\n\nheadlines\n");
    const [header, ...lines] = (table as string).split("\n");
    expect(header?.split(/\s{2,}/)).toEqual([
      "corpus",
      "system",
      "articles",
      "date F1",
      "AR-1 F",
      "AR-2 F",
      "key dates",
      "words",
      "entries",
      "far dated",
      "s",
    ]);
    expect(lines).toHaveLength(6);
    // Each briefing's headline follows the table, one a line, the baseline having none.
    expect(told?.split("\n")).toEqual(
      rows
        .filter((r) => r.system === "briefing")
        .map((r) => expect.stringContaining(r.headline as string)),
    );
  });
});

describe("datedBeyondSources", () => {
  /** A briefing of one article published in June 2010, with events dated as given. */
  function briefingOf(dates: [string, string, string][]): Briefing {
    const events = dates.map(([start, end, said], i) => ({
      id: `event-${i}`,
      date: {
        start,
        end,
        precision: "year",
        evidence: [{ text: said, rule: "test" }],
        confidence: 0.9,
      },
      mentions: [{ articleId: "a", sentence: i, text: said }],
    }));
    return {
      articles: [{ id: "a", published: { start: "2010-06-02", end: "2010-06-02" } }],
      storylines: [{ events }],
    } as unknown as Briefing;
  }

  it("counts events a year or more from their articles only when nothing said so", () => {
    const found = datedBeyondSources(
      briefingOf([
        ["1979-06-01", "1979-06-30", "June 1979"],
        ["1960-01-01", "1969-12-31", "the 1960s"],
        ["1980-01-01", "1980-12-31", "30 years ago"],
        ["2010-04-20", "2010-04-20", "April 20"],
        ["2011-06-11", "2011-06-20", "mid-June"],
        ["1960-05-01", "1960-05-31", "May, 60"],
        ["2009-05-01", "2009-05-31", "May"],
      ]),
    );
    expect(found.map((e) => e.date.evidence[0]?.text)).toEqual(["mid-June", "May, 60", "May"]);
  });
});
