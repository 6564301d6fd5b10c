import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  articlePage,
  rssFeed,
  servesDocument,
  startNewsServer,
} from "../sources/test-support/news-server.js";
import { storeDrivers } from "../state/test-support/store-drivers.js";
import { digestFixture, RIVERTON_STORIES } from "./test-support/digest-fixture.js";
import { type SinkOptions, startSmtpSink } from "./test-support/smtp-sink.js";

// Workers on a PostgreSQL store, as separate processes of the real CLI (through tsx).
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const bin = fileURLToPath(new URL("../bin/briefing.ts", import.meta.url));
const postgres = storeDrivers().filter((d) => d.name === "postgres");

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const RECIPIENTS = Array.from({ length: 12 }, (_, i) => `r${i + 1}@example.org`);

function cli(args: string[]) {
  const child = spawn(process.execPath, ["--import", tsx, bin, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const done = new Promise<{ code: number | null; signal: string | null; err: () => string }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, err: () => err })),
  );
  return { child, done, err: () => err };
}

/**
 * A sink, a PostgreSQL store and a digest of twelve recipients in batches of three. A batch is
 * taken over once `batchTimeoutSeconds` pass: long enough here that a live worker on a busy
 * machine keeps its batch (a send that stalls past half of it may be sent again by another), short
 * where a takeover from a killed worker is what a test waits for.
 */
async function setup(sink: SinkOptions, batchTimeoutSeconds = 15) {
  const driver = postgres[0];
  if (!driver) throw new Error("no PostgreSQL driver");
  const server = await startSmtpSink(sink);
  cleanups.push(server.close);
  const opened = await driver.open();
  await opened.store.close();
  cleanups.push(opened.cleanup);
  const fixture = digestFixture({
    transport: server.url,
    recipients: RECIPIENTS,
    stories: { "2026-01-09": RIVERTON_STORIES["2026-01-09"] },
    state: opened.state,
    delivery: { batchSize: 3, batchTimeoutSeconds, backoffMs: 20, maxBackoffMs: 100 },
  });
  cleanups.push(() => rmSync(fixture.dir, { recursive: true, force: true }));
  const workers: ReturnType<typeof cli>[] = [];
  const startWorker = () => {
    const worker = cli(["worker", "--config", fixture.config, "--concurrency", "2"]);
    workers.push(worker);
    return worker;
  };
  cleanups.push(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  });
  const runDue = () =>
    cli(["run-due", "--wait", "--config", fixture.config, "--now", "2026-01-10T08:00:00Z"]);
  return { server, fixture, state: opened.state, startWorker, runDue };
}

/** Marks every job of the store's queue as failed, as after its last retry. */
async function failAllJobs(state: string) {
  const db = new pg.Client({ connectionString: state });
  await db.connect();
  const { rows } = await db.query("SELECT current_schema() AS schema");
  await db.query(
    `UPDATE ${(rows[0] as { schema: string }).schema}_pgboss.job SET state = 'failed'`,
  );
  await db.end();
}

const BUILD_QUEUED = /queued for the workers to build and send to 12 recipients/g;
const BATCHES_QUEUED = /"kind":"queued"[^\n]*"recipients":12,"batches":4/g;

describe.skipIf(postgres.length === 0)(
  "digests built and sent by workers on a PostgreSQL store",
  () => {
    it("two workers build once and deliver a period two schedulers queued to every recipient exactly once, then stop on SIGTERM", async () => {
      const { server, startWorker, runDue } = await setup({});
      const a = startWorker();
      const b = startWorker();
      // Both are up before anything is queued.
      await expect
        .poll(() => a.err() + b.err(), { timeout: 60_000 })
        .toMatch(/worker started[\s\S]*worker started/);
      // Two schedulers at once: the period is queued once.
      const [due, other] = await Promise.all([runDue().done, runDue().done]);
      expect([due.code, other.code], `${due.err()}\n${other.err()}`).toEqual([0, 0]);
      expect(`${due.err()}${other.err()}`.match(BUILD_QUEUED)).toHaveLength(1);
      expect(server.perRecipient()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
      // One worker built the period and queued its batches, once.
      expect(`${a.err()}${b.err()}`.match(/"kind":"run-started"/g)).toHaveLength(1);
      expect(`${a.err()}${b.err()}`.match(BATCHES_QUEUED)).toHaveLength(1);
      // Both took batches: the work spreads.
      const sentBy = (w: ReturnType<typeof cli>) => (w.err().match(/"kind":"sent"/g) ?? []).length;
      await expect.poll(() => sentBy(a) + sentBy(b)).toBe(12);
      for (const w of [a, b]) w.child.kill("SIGTERM");
      const stopped = await Promise.all([a.done, b.done]);
      expect(stopped.map((s) => s.code)).toEqual([0, 0]);
      expect(a.err()).toContain('"msg":"stopped"');
    });

    it("a period whose build gave up is queued again by the next run-due, and delivered once", async () => {
      const { server, fixture, state, startWorker, runDue } = await setup({});
      // Queued with no worker up; then its build fails for good, as after its last retry.
      const queued = cli(["run-due", "--config", fixture.config, "--now", "2026-01-10T08:00:00Z"]);
      const first = await queued.done;
      expect(first.code, first.err()).toBe(0);
      expect(first.err().match(BUILD_QUEUED)).toHaveLength(1);
      await failAllJobs(state);
      startWorker();
      const again = await runDue().done;
      expect(again.code, again.err()).toBe(0);
      expect(again.err().match(BUILD_QUEUED)).toHaveLength(1);
      expect(server.perRecipient()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    });

    it("a built period whose batches all gave up is queued again by the next run-due, and delivered once", async () => {
      // The mail server defers everything until the batches have given up.
      let deferring = true;
      const { server, fixture, state, startWorker, runDue } = await setup({
        answer: () =>
          deferring
            ? { kind: "reply", code: 451, text: "4.3.0 Try again later" }
            : { kind: "accept" },
      });
      const builder = startWorker();
      const queued = await cli([
        "run-due",
        "--config",
        fixture.config,
        "--now",
        "2026-01-10T08:00:00Z",
      ]).done;
      expect(queued.code, queued.err()).toBe(0);
      await expect.poll(() => builder.err(), { timeout: 60_000 }).toMatch(BATCHES_QUEUED);
      builder.child.kill("SIGKILL");
      await builder.done;
      await failAllJobs(state);
      deferring = false;
      startWorker();
      const again = await runDue().done;
      expect(again.code, again.err()).toBe(0);
      expect(again.err()).toContain("12 recipients queued for the workers in 4 batches");
      expect(server.perRecipient()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    });

    it("sources queued by fetch are fetched by the workers, each once, into the shared store", async () => {
      const news = await startNewsServer();
      cleanups.push(news.close);
      const feed = (name: string, stories: [string, string][]) => {
        const items = stories.map(([title, sentence], i) => {
          const path = `/${name}/${i}`;
          news.route(
            path,
            servesDocument(
              articlePage(title, "2026-01-09T09:00:00Z", [sentence]),
              "text/html; charset=utf-8",
            ),
          );
          return {
            guid: `${name}-${i}`,
            title,
            link: `${news.url}${path}`,
            date: "2026-01-09T09:00:00Z",
            description: sentence,
          };
        });
        news.route(`/${name}.xml`, servesDocument(rssFeed(name, items), "application/rss+xml"));
        return `${news.url}/${name}.xml`;
      };
      const sources = [
        feed("riverton", [
          ["Bridge works begin", "Crews began repairing the Harbour Bridge in Riverton on Friday."],
          ["Lorries banned", "Riverton council banned lorries from the old quay road on Friday."],
        ]),
        feed("port", [["Port dredging", "Dredgers deepened the Riverton port channel on Friday."]]),
      ];
      const { fixture, state, startWorker } = await setup({});
      appendFileSync(
        fixture.config,
        `\nsources:\n${sources.map((url) => `  - ${url}\n`).join("")}`,
      );
      const worker = startWorker();
      await expect.poll(() => worker.err(), { timeout: 60_000 }).toMatch(/worker started/);
      const fetched = await cli(["fetch", "--wait", "--config", fixture.config]).done;
      expect(fetched.code, fetched.err()).toBe(0);
      expect(fetched.err()).toContain("2 sources queued for the workers to fetch");
      expect(worker.err().match(/"kind":"fetched"/g)).toHaveLength(2);
      const db = new pg.Client({ connectionString: state });
      await db.connect();
      const { rows } = await db.query("SELECT count(*)::int AS n FROM articles");
      await db.end();
      expect(rows[0]).toEqual({ n: 3 });
      // Fetched just now: nothing is due, nothing queued, each feed asked for once.
      const again = await cli(["fetch", "--config", fixture.config]).done;
      expect(again.err()).toContain(
        "0 sources queued for the workers to fetch; 2 fetched recently",
      );
      expect(news.seen("/riverton.xml")).toHaveLength(1);
      expect(news.seen("/port.xml")).toHaveLength(1);
    });

    it("a worker killed with SIGKILL mid-batch loses nothing: another takes its batch over", async () => {
      let victim: ChildProcess | undefined;
      let accepted = 0;
      const { server, startWorker, runDue } = await setup(
        {
          onAccepted: () => {
            accepted += 1;
            if (accepted === 2) victim?.kill("SIGKILL");
          },
        },
        3,
      );
      const first = startWorker();
      victim = first.child;
      const due = runDue();
      expect((await first.done).signal).toBe("SIGKILL");
      // The survivor starts after the kill: every remaining batch, and the dead one's, are its.
      startWorker();
      const result = await due.done;
      expect(result.code, result.err()).toBe(0);
      const counts = server.perRecipient();
      expect(Object.keys(counts).sort()).toEqual([...RECIPIENTS].sort());
      const total = Object.values(counts).reduce((x, y) => x + y, 0);
      expect(total).toBeLessThanOrEqual(RECIPIENTS.length + 1);
      console.info(`worker kill: ${total} messages for ${RECIPIENTS.length} recipients`);
    });
  },
);
