import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProtocol, type TimelineSystem } from "./run-protocol.js";

async function topic(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tls-topic-"));
  const write = async (folder: string, articles: string[], timeline: string) => {
    await mkdir(join(dir, "flood", folder, "timelines"), { recursive: true });
    await writeFile(join(dir, "flood", folder, "articles.jsonl"), `${articles.join("\n")}\n`);
    await writeFile(join(dir, "flood", folder, "timelines", `${folder}.txt`), timeline);
  };
  const line = (id: string, time: string, text: string) => JSON.stringify({ id, time, text });
  await write(
    "alpha",
    [
      line("1", "2020-01-01", "The river rose .\nRoads closed ."),
      "not json",
      line("2", "2020-01-03", "The barrier held ."),
    ],
    "2020-01-01\nThe river rose .\n--------\n2020-01-03\nThe barrier held .\nIt was tested .\n--------\n",
  );
  await write("beta", [line("1", "2020-01-09", "Waters fell .")], "2020-01-02\nRain .\n--------\n");
  return join(dir, "flood");
}

/** A system that answers with each in-range article's first line on its publication day. */
const firstLines: TimelineSystem = {
  prepare: () => (task) =>
    new Map(task.articles.map((a) => [a.day, [a.text.split("\n")[0] as string]])),
};

describe("runProtocol", () => {
  it("runs one task per gold timeline over the articles in its range, and scores it", async () => {
    const dir = await topic();
    let tick = 0;
    const out = await mkdtemp(join(tmpdir(), "tls-out-"));
    const result = await runProtocol([dir], {
      system: firstLines,
      clock: () => (tick += 500),
      predictionsDir: out,
    });
    expect(result.problems).toEqual([
      expect.stringMatching(/alpha\/articles\.jsonl:2: expected a JSON object, found "not json"/),
    ]);
    const alpha = result.timelines.find((t) => t.folder === "alpha");
    expect(alpha).toMatchObject({ dates: 2, sentencesPerDate: 2, articles: 2 });
    expect(alpha?.date).toEqual({ precision: 1, recall: 1, f: 1 });
    // beta's range (2 January) holds no article: an empty timeline scores nothing.
    expect(result.timelines.find((t) => t.folder === "beta")?.date.f).toBe(0);
    expect(result.date.precision).toBeCloseTo(0.5, 10);
    expect(result.topics).toEqual([{ topic: "flood", seconds: 0.5, articles: 3 }]);
    // The two gold timelines against each other: neither has a day the other has in its range.
    expect(result.agreement.pairs).toBe(2);
    expect(result.agreement.date).toEqual({ precision: 0, recall: 0, f: 0 });
    expect(JSON.parse(await readFile(join(out, "alpha__alpha.json"), "utf8"))).toEqual([
      ["2020-01-01", ["The river rose ."]],
      ["2020-01-03", ["The barrier held ."]],
    ]);
  });
});
