import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "./io.js";
import { runMain } from "./run-main.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function capture(cwd = root): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    now: () => new Date("2022-01-20T08:00:00Z"),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "briefing-cli-"));
  await writeFile(
    join(dir, "good.txt"),
    "Bridge reopens\n\nThe old bridge reopened on Monday after two years of repairs, the council said in a statement.",
  );
  await writeFile(join(dir, "empty.txt"), "");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("briefing brief", () => {
  it("prints a Markdown report of corpus/ by default, with titles, dates and evidence", async () => {
    const io = capture();
    expect(await runMain(["brief"], io)).toBe(0);
    expect(io.out).toMatch(/^# Corpus: 5 articles from corpus\n/);
    expect(io.out).toContain("## No progress in informal talks between Taliban, opposition");
    expect(io.out).toContain(
      "Sat 15 Jan 2022, day, confidence 0.70, from “January 15, 2022 at 10:57 am” (date-line)",
    );
    expect(io.out).toContain("`corpus/003_e016e96c27e91a7e.txt` (text)");
    expect(io.err).toBe("");
  });

  it("prints JSON with --format json, byte-identical for the same --now", async () => {
    const first = capture();
    const second = capture();
    await runMain(["brief", "corpus", "--format", "json", "--now", "2022-01-20T08:00:00Z"], first);
    await runMain(["brief", "corpus", "--format", "json", "--now", "2022-01-20T08:00:00Z"], second);
    const parsed = JSON.parse(first.out);
    expect(parsed.generatedAt).toBe("2022-01-20T08:00:00.000Z");
    expect(parsed.articles).toHaveLength(5);
    expect(second.out).toBe(first.out);
  });

  it("prints problems on stderr and exits 0, or 2 with --strict", async () => {
    const io = capture(dir);
    expect(await runMain(["brief", "."], io)).toBe(0);
    expect(io.err).toBe("error: empty.txt: empty file: expected an article, found 0 bytes\n");
    expect(io.out).toContain("## Bridge reopens");
    expect(await runMain(["brief", ".", "--strict"], capture(dir))).toBe(2);
  });

  it("exits 2 with a clear message when nothing loaded", async () => {
    const io = capture(dir);
    expect(await runMain(["brief", "empty.txt", "missing.txt"], io)).toBe(2);
    expect(io.err).toContain("error: missing.txt: no such file or folder");
    expect(io.err).toContain("briefing: no article could be read from empty.txt, missing.txt");
  });

  it("writes to --out", async () => {
    const io = capture(dir);
    expect(await runMain(["brief", "good.txt", "--out", "out.md"], io)).toBe(0);
    expect(io.out).toBe("");
    expect(await readFile(join(dir, "out.md"), "utf8")).toContain("## Bridge reopens");
  });

  it("rejects an unknown format and a bad --now, naming the option", async () => {
    const format = capture();
    expect(await runMain(["brief", "--format", "docx"], format)).toBe(2);
    expect(format.err).toMatch(/--format.*docx/);
    const now = capture();
    expect(await runMain(["brief", "--now", "yesterday"], now)).toBe(2);
    expect(now.err).toBe(
      'briefing: --now: expected an ISO 8601 date or time such as 2022-01-20T08:00:00Z, found "yesterday"\n',
    );
  });
});
