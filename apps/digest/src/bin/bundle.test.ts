import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../cli/io.js";
import { runMain } from "../cli/run-main.js";

// The `briefing` executable is the bundle `pnpm build` writes (scripts/bundle-cli.mjs); these
// tests run it as users do, a fresh process, and hold it to the CLI's code run in this process.
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const packageJson = fileURLToPath(new URL("../../package.json", import.meta.url));
const bundle = fileURLToPath(new URL("../../dist/bundle/briefing.js", import.meta.url));
const NOW = "2026-01-01T00:00:00Z";

async function inProcess(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIo = {
    cwd: root,
    now: () => new Date(NOW),
    env: {},
    stdout: (text) => {
      out += text;
    },
    stderr: () => {},
  };
  return { code: await runMain(args, io), out };
}

const run = promisify(execFile);

/** What the bundle prints on stdout; a non-zero exit rejects. */
async function bundled(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [bundle, ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe("the bundled executable", () => {
  it("is what package.json names as the bin", async () => {
    const { bin } = JSON.parse(await readFile(packageJson, "utf8"));
    expect(bin.briefing).toBe("./dist/bundle/briefing.js");
    expect(existsSync(bundle), `${bundle} is missing: run \`pnpm build\` first`).toBe(true);
  });

  it.each(["md", "json", "html"])(
    "prints the same %s briefing of corpus/ as the CLI's code in this process",
    async (format) => {
      const args = ["brief", "corpus", "--format", format, "--now", NOW];
      const [expected, actual] = await Promise.all([inProcess(args), bundled(args)]);
      expect(expected.code).toBe(0);
      expect(actual).toBe(expected.out);
    },
  );

  it("reads a corpus large enough for worker threads with its own bundled worker, as in process", async () => {
    // About 150,000 characters: more than one thread's worth, so the bundle starts a worker
    // (from dist/bundle/extract-worker.js) on a machine with two cores or more.
    const dir = await mkdtemp(join(tmpdir(), "briefing-bundle-"));
    try {
      const places = ["Riverton", "Lowmoor", "Eastbrook", "Hallam", "Kessing"];
      for (let i = 0; i < 60; i++) {
        const place = places[i % places.length] as string;
        const day = String(1 + (i % 27)).padStart(2, "0");
        const paragraphs = Array.from(
          { length: 12 },
          (_, k) =>
            `The ${place} council met on March ${day}, 2024, and voted ${k + 3} to ${k + 1} on the flood barrier. ` +
            `Engineer Dana Holt said work on section ${k + i} would start within a week, weather permitting.`,
        );
        await writeFile(
          join(dir, `article-${i}.txt`),
          `${place} council votes on the barrier\n\n${paragraphs.join("\n\n")}\n`,
        );
      }
      const args = ["brief", dir, "--format", "json", "--now", NOW];
      const [expected, actual] = await Promise.all([inProcess(args), bundled(args)]);
      expect(expected.code).toBe(0);
      expect(actual).toBe(expected.out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("carries eld's n-grams as JSON that scores every text as the library does", async () => {
    // scripts/bundle-cli.mjs rewrites eld's data module; the detector it bundles must give the
    // library's own scores, to the last digit, for text in any script.
    type Eld = { detect(text: string): { language: string; getScores(): Record<string, number> } };
    const bundleDir = fileURLToPath(new URL("../../dist/bundle/", import.meta.url));
    const chunk = (await readdir(bundleDir)).find((f) => /^static\.extrasmall-.*\.js$/.test(f));
    expect(chunk, "the bundle has no chunk of eld's model").toBeDefined();
    const bundledEld: Eld = (await import(pathToFileURL(join(bundleDir, chunk as string)).href))
      .eld;
    const library = join(root, "packages/core/node_modules/eld/src/entries/static.extrasmall.js");
    const libraryEld: Eld = (await import(pathToFileURL(library).href)).eld;
    const samples = [
      "Der Stadtrat hat am Mittwoch über die neue Hochwassersperre abgestimmt.",
      "Le conseil municipal a voté mercredi la construction de la nouvelle digue.",
      "Городской совет в среду проголосовал за строительство новой дамбы.",
      "市议会周三投票决定修建新的防洪堤。",
      "Belediye meclisi çarşamba günü yeni setin yapımını oyladı.",
    ];
    const words = samples.join(" ").split(" ");
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.oneof(
          text.map((w) => w.join(" ")),
          fc.string({ unit: "grapheme" }),
        ),
        (t) => {
          const [bundled, own] = [bundledEld.detect(t), libraryEld.detect(t)];
          expect(bundled.language).toBe(own.language);
          expect(bundled.getScores()).toEqual(own.getScores());
        },
      ),
      { seed: 20261205, numRuns: 500 },
    );
    expect(bundledEld.detect(samples[0] as string).language).toBe("de");
  });

  it("reports an unknown command with a usage error and exit code 2", async () => {
    const failure = await run(process.execPath, [bundle, "no-such-command"], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/unknown command 'no-such-command'/);
  });
});
