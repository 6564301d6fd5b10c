// pnpm bench [--json] [--sizes 2000,10000,21578,100000] [--fanout-recipients 20000]: every figure of the performance issue in
// one run, each part in a fresh process; parts whose data is absent are skipped with a line.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { median, SHARED_DATA } from "../../evals/src/shared-data.js";
import { type BenchResults, checkTargets, formatResults } from "./bench-report.js";
import type { FloorResult } from "./measure-floor.js";
import { writeReutersSample } from "./reuters-sample.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const STAGE = fileURLToPath(new URL("./run-stage.ts", import.meta.url));
const CLI = join(ROOT, "apps/digest/dist/bundle/briefing.js");
const CORPUS = join(ROOT, "corpus");
const NOW = "2026-01-01T00:00:00Z";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    sizes: { type: "string", default: "2000,10000,21578,100000" },
    "fanout-recipients": { type: "string", default: "20000" },
  },
});
const sizes = (values.sizes as string).split(",").map((s) => {
  if (!/^\d+$/.test(s) || Number(s) === 0)
    throw new Error(`--sizes: expected story counts like 2000,10000, found "${s}"`);
  return Number(s);
});
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Runs one stage of run-stage.ts in a fresh process and returns its JSON. */
async function stage<T>(name: string, dir: string): Promise<T & { peakRssMb: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", STAGE, name, dir],
    { cwd: ROOT, maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) as string);
}

/** Median wall time of a command as a fresh process, after one run to warm the file cache. */
function medianRunMs(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0)
      throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

const results: BenchResults = {
  date: new Date().toISOString().slice(0, 10),
  machine: {
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.versions.node,
    memoryGb: totalmem() / 2 ** 30,
  },
  skipped: [],
};

const reuters = join(SHARED_DATA, "corpora/reuters-21578");
if (!existsSync(reuters)) {
  const line = `tokenize_only, pipeline and scaling: ${reuters} is absent`;
  results.skipped.push(line);
  say(`skipped ${line}`);
} else {
  say("tokenize_only: reading and tokenising Reuters-21578…");
  const floor = await stage<FloorResult>("floor", reuters);
  results.tokenize_only = {
    seconds: floor.seconds,
    stories: floor.stories,
    tokens: floor.tokens,
    peak_rss_mb: floor.peakRssMb,
    analysis_pipe_seconds: floor.analysisPipeSeconds,
  };
  const work = await mkdtemp(join(tmpdir(), "briefing-bench-"));
  const runs: NonNullable<BenchResults["scaling"]>["sizes"] = [];
  try {
    for (const stories of sizes) {
      const dir = join(work, String(stories));
      await writeReutersSample({ source: reuters, out: dir, stories });
      say(`pipeline: ${stories.toLocaleString("en-GB")} stories…`);
      const run = await stage<{
        articles: number;
        seconds: number;
        loadSeconds: number;
        extractSeconds: number;
        buildSeconds: number;
        threads: number;
      }>("pipeline", dir);
      await rm(dir, { recursive: true, force: true });
      runs.push({
        stories,
        articles: run.articles,
        seconds: run.seconds,
        ms_per_article: (run.seconds * 1000) / run.articles,
        peak_rss_mb: run.peakRssMb,
      });
      if (stories === floor.stories)
        results.pipeline = {
          articles: run.articles,
          seconds: run.seconds,
          articles_per_second: run.articles / run.seconds,
          peak_rss_mb: run.peakRssMb,
          load_seconds: run.loadSeconds,
          extract_seconds: run.extractSeconds,
          build_seconds: run.buildSeconds,
          threads: run.threads,
        };
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (results.pipeline) {
    results.ratio_pipeline_to_floor = results.pipeline.seconds / results.tokenize_only.seconds;
    results.ratio_pipeline_to_analysis_pipe =
      results.pipeline.seconds / results.tokenize_only.analysis_pipe_seconds;
  }
  const [first, last] = [runs[0], runs.at(-1)];
  // Growth needs two sizes: with one, only the pipeline figures are reported.
  if (first && last && runs.length > 1)
    results.scaling = {
      sizes: runs,
      per_article_growth: last.ms_per_article / first.ms_per_article,
    };
}

say("cold start…");
results.cold_brief_ms = medianRunMs([CLI, "brief", "corpus", "--now", NOW]);
results.node_start_ms = medianRunMs(["-e", "0"]);

// The measure of a real topic: bpoil's largest source folder, as `brief` reads it.
const bpoil = join(SHARED_DATA, "tls/t17/bpoil");
if (existsSync(bpoil)) {
  say("a topic's largest folder…");
  const folders = readdirSync(bpoil, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const file = join(bpoil, e.name, "articles.jsonl");
      const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
      return { folder: e.name, articles: lines.length };
    })
    .sort((a, b) => b.articles - a.articles || (a.folder < b.folder ? -1 : 1));
  const largest = folders[0];
  if (largest)
    results.topic_brief = {
      ...largest,
      ms: medianRunMs([CLI, "brief", join(bpoil, largest.folder), "--now", NOW], 3),
    };
} else {
  const line = `a topic's largest folder: ${bpoil} is absent`;
  results.skipped.push(line);
  say(`skipped ${line}`);
}

say("email: compile and personalise…");
const email = await stage<{
  firstCompileMs: number;
  compileMs: number;
  recipients: number;
  personalisedPerSecond: number;
}>("email", CORPUS);
results.email = {
  mjml_compile_ms: email.compileMs,
  mjml_first_compile_ms: email.firstCompileMs,
  recipients: email.recipients,
  personalised_per_second: email.personalisedPerSecond,
};
say("send: 1,000 messages to a local smtp-server…");
const send = await stage<{ messages: number; received: number; messagesPerSecond: number }>(
  "send",
  CORPUS,
);
results.send = {
  messages: send.messages,
  received: send.received,
  messages_per_second: send.messagesPerSecond,
};

const postgres = process.env.BRIEFING_BENCH_POSTGRES ?? process.env.BRIEFING_TEST_POSTGRES;
if (!postgres) {
  const line = "fan-out: no PostgreSQL (set BRIEFING_BENCH_POSTGRES=postgres://…)";
  results.skipped.push(line);
  say(`skipped ${line}`);
} else {
  const recipients = values["fanout-recipients"] as string;
  say(`fan-out: one period to ${recipients} recipients through 1, 2 and 4 workers…`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("./measure-fanout.ts", import.meta.url)),
      "--recipients",
      recipients,
      "--json",
    ],
    { cwd: ROOT, maxBuffer: 1 << 24 },
  );
  results.fanout = JSON.parse(stdout.trim().split("\n").at(-1) as string);
}

if (values.json)
  process.stdout.write(`${JSON.stringify({ ...results, targets: checkTargets(results) })}\n`);
else process.stdout.write(formatResults(results));
