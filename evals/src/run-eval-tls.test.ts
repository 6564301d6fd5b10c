import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Article, dayEstimate } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { runEvalTls } from "./run-eval-tls.js";

const SENTENCES = [
  "The Delta Water Board approved the Riverton flood barrier on Tuesday .",
  "Engineers said work would start on 3 May , a month later than planned .",
  "Protesters blocked the bridge at the weekend , police said .",
  "Mayor Ana Ruiz 's office called the vote `` a turning point '' .",
  "Heavy rain flooded 40 homes on Wednesday , the board said .",
];

function article(i: number): Article {
  const day = `2023-03-${String(1 + (i % 28)).padStart(2, "0")}`;
  return {
    id: `a${i}`,
    title: "",
    paragraphs: [SENTENCES[i % 5] as string, SENTENCES[(i + 2) % 5] as string],
    language: "en",
    published: dayEstimate(day, [{ text: day, rule: "metadata" }], 0.95),
    origins: [{ path: `a${i}`, format: "jsonl" }],
  };
}

describe("runEvalTls", () => {
  it("scores a topic folder and writes the predicted timelines", async () => {
    const dir = await mkdtemp(join(tmpdir(), "eval-tls-"));
    const source = join(dir, "flood", "riverton_news");
    await mkdir(join(source, "timelines"), { recursive: true });
    const lines = Array.from({ length: 30 }, (_, i) => {
      const a = article(i);
      return JSON.stringify({ id: i, time: a.published.start, text: a.paragraphs.join(" \n") });
    });
    await writeFile(join(source, "articles.jsonl"), `${lines.join("\n")}\n`);
    await writeFile(
      join(source, "timelines", "news.txt"),
      "2023-03-07\nThe board approves the flood barrier .\n--------\n2023-03-15\nRain floods 40 homes .\n--------\n",
    );
    const options = { threads: 1, cwd: dir, clock: () => 0 };
    const run = await runEvalTls(["flood"], { ...options, json: true, predictions: "pred" });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.output);
    expect(result.timelines).toHaveLength(1);
    expect(result.timelines[0]).toMatchObject({ timeline: "riverton_news/news.txt", dates: 2 });
    for (const key of ["date_f1", "ar1_f", "ar2_f", "seconds"])
      expect(typeof result[key]).toBe("number");
    // One source folder: no second gold timeline to compare with.
    expect(result.agreement).toEqual({ pairs: 0, date_f1: 0, ar1_f: 0, ar2_f: 0 });
    const predicted = JSON.parse(
      await readFile(join(dir, "pred", "riverton_news__news.json"), "utf8"),
    );
    expect(predicted).toHaveLength(2);
    // Timeline17 text is tokenised; the predicted sentences keep that form, as the gold does.
    expect(
      predicted.flatMap(([, s]: [string, string[]]) => s).some((s: string) => / \.$/.test(s)),
    ).toBe(true);
    // The table gives precision, recall and F of each score, per timeline and on average.
    const table = await runEvalTls(["flood"], options);
    expect(table.code).toBe(0);
    const [header, row, mean] = table.output.split("\n");
    expect(header?.split(/\s{2,}/)).toEqual([
      "timeline",
      "dates",
      "articles",
      "date P",
      "R",
      "F",
      "AR-1 P",
      "R",
      "F",
      "AR-2 P",
      "R",
      "F",
    ]);
    expect(row?.split(/\s+/).slice(3)).toHaveLength(9);
    expect(row).toMatch(/^riverton_news\/news\.txt\s+2\s+\d+\s+\d\.\d{3}/);
    expect(mean?.split(/\s{2,}/).slice(1)).toHaveLength(9);
  });
});
