import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "./list-files.js";

describe("listFiles", () => {
  it("passes over hidden entries and a topic's reference timelines, and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "list-files-"));
    mkdirSync(join(dir, "topic", "timelines"), { recursive: true });
    mkdirSync(join(dir, "notes", "timelines"), { recursive: true });
    writeFileSync(join(dir, "topic", "articles.jsonl"), "{}\n");
    writeFileSync(join(dir, "topic", "timelines", "paper.txt"), "2010-04-20\nA rig explodes .\n");
    writeFileSync(join(dir, "topic", ".cache"), "x");
    writeFileSync(join(dir, "notes", "timelines", "mine.md"), "# Mine\n");
    const { files, problems } = await listFiles([dir]);
    expect(files).toEqual([
      join(dir, "notes", "timelines", "mine.md"),
      join(dir, "topic", "articles.jsonl"),
    ]);
    expect(problems.map((p) => [p.path, p.message.split(":")[0]])).toEqual([
      [join(dir, "topic"), "passed over 1 hidden entry"],
      [join(dir, "topic", "timelines"), "passed over"],
    ]);
    // Named, the timelines folder is read.
    const named = await listFiles([join(dir, "topic", "timelines")]);
    expect(named.files).toEqual([join(dir, "topic", "timelines", "paper.txt")]);
  });
});
