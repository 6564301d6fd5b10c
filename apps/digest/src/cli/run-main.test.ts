import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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
    env: {},
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
  it("prints the Markdown briefing of corpus/ by default", async () => {
    const io = capture();
    expect(await runMain(["brief"], io)).toBe(0);
    expect(io.out).toMatch(/^# Panjshir: .*talks.* to (offensive|fighting) to .*(talks|meeting)\n/);
    expect(io.out).toContain("## Key actors");
    expect(io.out).toMatch(/\*\*Ahmad Massoud\*\* \(person; also .*Masood/);
    expect(io.out).toContain("## Single-source and disputed");
    expect(io.out).toContain("## Sources");
    // The Charikar talks, reported by two outlets, are one entry citing both.
    expect(io.out).toMatch(
      /The first direct talks .* on Wednesday\.\[\^\d\]\[\^\d\] \*\(2 sources\)\*/,
    );
    expect(io.err).toBe("");
  });

  it("fits the reading budget --length or --max-words asks for", async () => {
    const entries = async (...args: string[]) => {
      const io = capture();
      expect(await runMain(["brief", "--format", "json", ...args], io)).toBe(0);
      return JSON.parse(io.out).timeline.length as number;
    };
    const standard = await entries();
    expect(await entries("--length", "standard")).toBe(standard);
    expect(await entries("--length", "short")).toBeLessThanOrEqual(standard);
    expect(await entries("--max-words", "150")).toBeLessThan(standard);
    const bad = capture();
    expect(await runMain(["brief", "--max-words", "ten"], bad)).toBe(2);
    expect(bad.err).toContain('--max-words: expected a whole number of at least 50, found "ten"');
    const both = capture();
    expect(await runMain(["brief", "--length", "short", "--max-words", "300"], both)).toBe(2);
  });

  it("keeps --topic, --since, --until and --max-events", async () => {
    const io = capture();
    const args = ["brief", "--since", "2022-01-01", "--until", "2022-01-31", "--max-events", "3"];
    expect(await runMain([...args, "--format", "json"], io)).toBe(0);
    const briefing = JSON.parse(io.out);
    // --max-events caps the timeline a reader sees; every kept event is in the period.
    expect(briefing.timeline.length).toBeGreaterThan(0);
    expect(briefing.timeline.length).toBeLessThanOrEqual(3);
    const events = briefing.storylines.flatMap((s: { events: unknown[] }) => s.events);
    for (const e of events)
      expect(e.date.end >= "2022-01-01" && e.date.start <= "2022-01-31").toBe(true);
    const none = capture();
    expect(await runMain(["brief", "--topic", "Atlantis", "--format", "json"], none)).toBe(0);
    expect(JSON.parse(none.out).storylines).toEqual([]);
    const bad = capture();
    expect(await runMain(["brief", "--since", "last week"], bad)).toBe(2);
    expect(bad.err).toContain('--since: expected a day as YYYY-MM-DD, found "last week"');
  });
});

describe("briefing ingest", () => {
  it("prints what ingestion made of corpus/, with titles, dates and evidence", async () => {
    const io = capture();
    expect(await runMain(["ingest"], io)).toBe(0);
    expect(io.out).toMatch(/^# Corpus: 5 articles from corpus\n/);
    expect(io.out).toContain("## No progress in informal talks between Taliban, opposition");
    expect(io.out).toContain(
      "Sat 15 Jan 2022, day, confidence 0.70, from “January 15, 2022 at 10:57 am” (date-line)",
    );
    expect(io.out).toContain("`corpus/003_e016e96c27e91a7e.txt` (text)");
    expect(io.err).toBe("");
  });
});

describe("internal errors", () => {
  it("say how to get the stack, and --debug prints it, anywhere on the line", async () => {
    // A state file that is a folder: the database cannot open it.
    const own = await mkdtemp(join(tmpdir(), "briefing-debug-"));
    await mkdir(join(own, "state-folder"), { recursive: true });
    await writeFile(
      join(own, "debug.yaml"),
      [
        "state: state-folder",
        "from: desk@example.org",
        "digests:",
        "  - name: daily",
        '    schedule: "0 7 * * *"',
        "    recipients: [ana@example.org]",
      ].join("\n"),
    );
    const plain = capture(own);
    expect(await runMain(["status", "--config", "debug.yaml"], plain)).toBe(1);
    expect(plain.err).toContain("run again with --debug");
    expect(plain.err).not.toMatch(/^\s+at /m);
    const debug = capture(own);
    expect(await runMain(["status", "--debug", "--config", "debug.yaml"], debug)).toBe(1);
    expect(debug.err).toMatch(/^\s+at /m);
    await rm(own, { recursive: true, force: true });
  });
});

describe("briefing brief, input and output", () => {
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
    expect(await runMain(["ingest", "."], io)).toBe(0);
    expect(io.err).toBe("error: empty.txt: empty file: expected an article, found 0 bytes\n");
    expect(io.out).toContain("## Bridge reopens");
    expect(await runMain(["brief", ".", "--strict"], capture(dir))).toBe(2);
  });

  it("exits 2 with a clear message when nothing loaded", async () => {
    const io = capture(dir);
    expect(await runMain(["brief", "empty.txt", "missing.txt"], io)).toBe(2);
    expect(io.err).toContain("error: missing.txt: no such file or folder");
    expect(io.err).toContain("briefing: no article could be read from empty.txt, missing.txt");
    // Nothing is written: no empty briefing on stdout, no file for --out, the same for ingest.
    expect(io.out).toBe("");
    const ingest = capture(dir);
    expect(await runMain(["ingest", "empty.txt", "--out", "nothing.md"], ingest)).toBe(2);
    await expect(readFile(join(dir, "nothing.md"), "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("lists the input formats and what a topic's timelines/ folder is taken for in --help", async () => {
    for (const args of [["--help"], ["brief", "--help"]]) {
      const io = capture(dir);
      expect(await runMain(args, io)).toBe(0);
      expect(io.out).toMatch(/jsonl\s+one article a line.*\{id, time, text\}/s);
      expect(io.out).toMatch(/timelines\/ beside its articles\.jsonl .* passed over/s);
      for (const format of ["html", "markdown", "feeds", "sgml"]) expect(io.out).toContain(format);
    }
  });

  it("writes to --out", async () => {
    const io = capture(dir);
    expect(await runMain(["brief", "good.txt", "--out", "out.md"], io)).toBe(0);
    expect(io.out).toBe("");
    expect(await readFile(join(dir, "out.md"), "utf8")).toContain("“Bridge reopens”");
  });

  it("prints the email's HTML, its plain text and its MJML source", async () => {
    const html = capture(dir);
    expect(await runMain(["brief", "good.txt", "--format", "html"], html)).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/);
    expect(html.out).toContain("The old bridge reopened on Monday");
    const text = capture(dir);
    expect(await runMain(["brief", "good.txt", "--format", "text"], text)).toBe(0);
    expect(text.out).toContain('Sources\n-------\n\n[1] "Bridge reopens"');
    const mjml = capture(dir);
    expect(await runMain(["brief", "good.txt", "--format", "mjml"], mjml)).toBe(0);
    expect(mjml.out).toMatch(/^<mjml lang="en" dir="auto">/);
    expect(mjml.out).not.toContain("\uF8FF");
  });

  it("refuses a preview port that is not a port number", async () => {
    const io = capture(dir);
    expect(await runMain(["preview", ".", "--port", "http"], io)).toBe(2);
    expect(io.err).toBe('briefing: --port: expected a port number from 0 to 65535, found "http"\n');
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
