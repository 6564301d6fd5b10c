import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Article, dayEstimate } from "@briefing/core";
import { describe, expect, it } from "vitest";
import { runEvalTls } from "./run-eval-tls.js";

const CREWS = ["Delta Water Board", "Riverton council", "Army engineers", "Harbour police"];
const DEEDS = [
  "approved the flood barrier 's second stage",
  "closed the old bridge to lorries",
  "moved 40 families out of the lower town",
  "opened a shelter in the school 's hall",
  "began pumping water out of the tunnel",
];

/** A Timeline17-style article (tokenised, one sentence a line) of day `1 + i % 28` of March. */
function article(i: number): Article {
  const date = 1 + (i % 28);
  const day = `2023-03-${String(date).padStart(2, "0")}`;
  const crew = CREWS[i % CREWS.length] as string;
  return {
    id: `a${i}`,
    title: "",
    paragraphs: [
      `On March ${date} , the ${crew} ${DEEDS[i % DEEDS.length]} , officials said .`,
      `The ${crew} 's spokesman called it ` + "``" + ` a turning point '' for Riverton .`,
      `Heavy rain on March ${date} flooded ${10 + i} homes in the ${i % 2 ? "north" : "south"} of the valley .`,
    ],
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
    // Timeline17 text is tokenised; the predicted sentences are the briefing's, as a reader sees
    // them: the marks undone.
    const predictedSentences: string[] = predicted.flatMap(([, s]: [string, string[]]) => s);
    expect(predictedSentences.length).toBeGreaterThan(0);
    for (const s of predictedSentences) expect(s).not.toMatch(/ [.,]|``|''| 's\b/);
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
