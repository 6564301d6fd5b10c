import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evalStories, tableOfStories } from "./run-eval-stories.js";

/** A story told by two outlets on one day: an explosion, then deaths. */
async function story(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "eval-stories-"));
  const texts = [
    "Refinery blast\n\nMarch 3, 2023\n\nAn explosion tore through the Riverton refinery on Friday, the fire service said.\n\nFour workers were killed in the explosion at the Riverton refinery on Friday.",
    "Riverton refinery explodes\n\nMarch 3, 2023\n\nAn explosion tore through the Riverton refinery on Friday, officials said.\n\nThe Riverton refinery will stay closed for a month, its owner said on Friday.",
  ];
  return Promise.all(
    texts.map(async (text, i) => {
      const path = join(dir, `outlet-${i}.txt`);
      await writeFile(path, text);
      return path;
    }),
  );
}

describe("evalStories", () => {
  it("briefs each story as brief does and tells its size and headline", async () => {
    const rows = await evalStories([{ name: "refinery", paths: await story() }], { threads: 1 });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.articles).toBe(2);
    expect(row?.entries).toBeGreaterThan(0);
    expect(row?.corroborated).toBeGreaterThan(0);
    expect(row?.words).toBeGreaterThan(0);
    expect(row?.headline).toMatch(/^Riverton.*: explosion/);
    const [header, line] = tableOfStories(rows).trimEnd().split("\n");
    expect(header?.split(/\s{2,}/)).toEqual([
      "story",
      "articles",
      "entries",
      "2+ sources",
      "words",
      "headline",
    ]);
    expect(line).toContain(row?.headline as string);
  });
});
