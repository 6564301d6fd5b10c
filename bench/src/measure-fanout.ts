// pnpm bench:fanout [--recipients 100000] [--workers 1,2,4] [--kills 10] [--sink minimal|smtp-server]
// [--concurrency N] [--profile DIR] [--json]: one digest period sent to N recipients through 1, 2 and 4 `briefing worker`
// processes on a PostgreSQL state, to a local SMTP sink on this machine; then a run with random
// SIGKILLs of workers. Needs PostgreSQL:
// BRIEFING_BENCH_POSTGRES (or BRIEFING_TEST_POSTGRES) = postgres://…; skipped with a line without.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { messageCounter, type SmtpSink, startSmtpSink } from "./smtp-sink.js";

const CLI = fileURLToPath(new URL("../../apps/digest/dist/bundle/briefing.js", import.meta.url));
const URL_ = process.env.BRIEFING_BENCH_POSTGRES ?? process.env.BRIEFING_TEST_POSTGRES;
const { values } = parseArgs({
  options: {
    recipients: { type: "string", default: "100000" },
    workers: { type: "string", default: "1,2,4" },
    kills: { type: "string", default: "10" },
    batch: { type: "string", default: "500" },
    concurrency: { type: "string", default: "2" },
    sink: { type: "string", default: "minimal" },
    profile: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const RECIPIENTS = Number(values.recipients);
const WORKERS = (values.workers as string).split(",").map(Number);
const KILLS = Number(values.kills);
const CONCURRENCY = values.concurrency as string;
// --profile DIR: each worker writes a V8 CPU profile there.
const NODE_ARGS = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
const say = (line: string) => process.stderr.write(`${line}\n`);

/** smtp-server as the sink (--sink smtp-server): a full server, itself a large share of the CPU. */
async function startSmtpServerSink(): Promise<SmtpSink> {
  const counter = messageCounter();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    maxClients: 64,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        counter.record(session.envelope.rcptTo.map((to) => to.address.toLowerCase()));
        callback();
      });
    },
  });
  // A killed worker drops its connection: that is expected here, not an error of the sink.
  server.on("error", () => {});
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts: counter.counts,
    total: counter.total,
    reset: counter.reset,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A fresh schema of the bench database, and a connection string working in it. */
async function freshState(url: string) {
  const schema = `bench_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const state = new URL(url);
  state.searchParams.set("options", `-c search_path=${schema}`);
  return {
    state: state.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema}_pgboss CASCADE`);
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

function configFor(dir: string, state: string, smtp: string): string {
  mkdirSync(join(dir, "news"), { recursive: true });
  writeFileSync(
    join(dir, "news", "story.txt"),
    "Bridge works begin\n\nJanuary 9, 2026\n\nCrews began repairing the Harbour Bridge in Riverton on Friday.\n",
  );
  writeFileSync(
    join(dir, "readers.txt"),
    Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@bench.example`).join("\n"),
  );
  const config = join(dir, "briefing.config.yaml");
  writeFileSync(
    config,
    [
      "corpus: news/",
      `state: ${JSON.stringify(state)}`,
      `transport: ${smtp}`,
      "from: Bench <bench@bench.example>",
      "secret: a-bench-secret-of-sixteen",
      `delivery: { batchSize: ${values.batch}, batchTimeoutSeconds: 10, backoffMs: 50, maxBackoffMs: 500 }`,
      "digests:",
      "  - { name: bench, schedule: '0 7 * * *', timezone: UTC, recipients: readers.txt }",
    ].join("\n"),
  );
  return config;
}

function worker(config: string): { child: ChildProcess; started: Promise<void> } {
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, CLI, "worker", "--config", config, "--concurrency", CONCURRENCY],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const started = new Promise<void>((resolve) => {
    // Only the log up to "worker started" is kept: a worker logs a line per message after it.
    let err = "";
    const read = (chunk: Buffer) => {
      err += chunk.toString();
      if (!err.includes("worker started")) return;
      err = "";
      child.stderr?.off("data", read);
      child.stderr?.resume();
      resolve();
    };
    child.stderr?.on("data", read);
  });
  return { child, started };
}

/** Queues the period (run-due); resolves when queued, with the time queueing took. */
function queue(config: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, "run-due", "--config", config, "--now", "2026-01-10T08:00:00Z"],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`run-due: ${code}`)),
    );
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 50));
}

async function main() {
  if (!URL_) {
    say("fan-out: skipped (no PostgreSQL: set BRIEFING_BENCH_POSTGRES=postgres://…)");
    return;
  }
  if (values.sink !== "minimal" && values.sink !== "smtp-server") {
    say(`fan-out: --sink: expected minimal or smtp-server, found "${values.sink}"`);
    process.exitCode = 2;
    return;
  }
  const sink = values.sink === "minimal" ? await startSmtpSink() : await startSmtpServerSink();
  const rows: string[] = [];
  const measured: { workers: number; messages_per_second: number }[] = [];
  try {
    for (const n of WORKERS) {
      sink.reset();
      const dir = mkdtempSync(join(tmpdir(), "briefing-fanout-"));
      const { state, drop } = await freshState(URL_);
      const config = configFor(dir, state, sink.url);
      const workers = Array.from({ length: n }, () => worker(config));
      await Promise.all(workers.map((w) => w.started));
      const queueMs = await queue(config);
      const started = performance.now();
      await until(() => sink.total() >= RECIPIENTS);
      const seconds = (performance.now() - started) / 1000;
      for (const w of workers) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => new Promise((r) => w.child.on("exit", r))));
      measured.push({ workers: n, messages_per_second: RECIPIENTS / seconds });
      rows.push(
        `${String(n).padEnd(8)} ${String(RECIPIENTS).padStart(10)} ${String(sink.total()).padStart(10)} ${(RECIPIENTS / seconds).toFixed(0).padStart(12)} ${(queueMs / 1000).toFixed(1).padStart(9)}`,
      );
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
    // Random SIGKILLs of workers while four send; each killed one is replaced.
    sink.reset();
    const dir = mkdtempSync(join(tmpdir(), "briefing-fanout-"));
    const { state, drop } = await freshState(URL_);
    const config = configFor(dir, state, sink.url);
    const pool = Array.from({ length: 4 }, () => worker(config));
    await Promise.all(pool.map((w) => w.started));
    await queue(config);
    let kills = 0;
    while (kills < KILLS && sink.total() < RECIPIENTS * 0.9) {
      await until(() => sink.total() >= ((kills + 1) * RECIPIENTS * 0.8) / (KILLS + 1));
      const i = Math.floor(Math.random() * pool.length);
      pool[i]?.child.kill("SIGKILL");
      pool[i] = worker(config);
      kills++;
    }
    await until(() => sink.counts.size >= RECIPIENTS);
    // Batches taken over from killed workers settle within their timeout.
    await new Promise((r) => setTimeout(r, 2000));
    for (const w of pool) w.child.kill("SIGTERM");
    await Promise.all(pool.map((w) => new Promise((r) => w.child.on("exit", r))));
    const duplicates = sink.total() - sink.counts.size;
    const lost = RECIPIENTS - sink.counts.size;
    await drop();
    rmSync(dir, { recursive: true, force: true });
    if (values.json) {
      const result = {
        recipients: RECIPIENTS,
        sink: values.sink,
        rows: measured,
        kills,
        lost,
        duplicates,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    process.stdout.write(
      [
        `fan-out: one period to ${RECIPIENTS} recipients, workers with --concurrency ${CONCURRENCY}, a local SMTP sink (${values.sink === "minimal" ? "minimal receiver; --sink smtp-server for smtp-server" : "smtp-server"})`,
        "workers  recipients   received  messages/s  queue s",
        ...rows,
        "",
        `kill run: ${kills} SIGKILLs of random workers (4 running): ${lost} lost, ${duplicates} duplicate${duplicates === 1 ? "" : "s"} (at most one per kill: ${duplicates <= kills ? "yes" : "NO"})`,
        "",
      ].join("\n"),
    );
  } finally {
    await sink.close();
  }
}

await main();
