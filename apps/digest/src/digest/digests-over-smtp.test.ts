import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../cli/io.js";
import { runMain } from "../cli/run-main.js";
import { Ledger } from "../state/ledger.js";
import { digestFixture, RIVERTON_STORIES } from "./test-support/digest-fixture.js";
import { type SinkOptions, startSmtpSink } from "./test-support/smtp-sink.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function io(dir: string, env: Record<string, string> = {}): CliIo & { err: string; out: string } {
  const captured = {
    out: "",
    err: "",
    cwd: dir,
    now: () => new Date("2026-11-21T07:00:00Z"),
    env,
    stdout: (t: string) => {
      captured.out += t;
    },
    stderr: (t: string) => {
      captured.err += t;
    },
  };
  return captured;
}

const STORIES = RIVERTON_STORIES;

async function setup(
  recipients: string[],
  sink: SinkOptions = {},
  delivery?: Record<string, number>,
) {
  const server = await startSmtpSink(sink);
  cleanups.push(server.close);
  const fixture = digestFixture({
    transport: server.url,
    recipients,
    stories: STORIES,
    ...(delivery ? { delivery } : {}),
  });
  cleanups.push(() => rmSync(fixture.dir, { recursive: true, force: true }));
  const runDue = async (now: string) => {
    const out = io(fixture.dir);
    const code = await runMain(["run-due", "--config", fixture.config, "--now", now], out);
    return { code, err: out.err };
  };
  const ledger = () => {
    const l = new Ledger(join(fixture.dir, ".briefing/state.db"));
    cleanups.push(() => l.close());
    return l;
  };
  return { server, fixture, runDue, ledger };
}

/** One run-due over a transport with nothing (or nothing working) behind it. */
async function runDueOver(
  transport: string,
  recipients: string[],
  delivery?: Record<string, number>,
) {
  const fixture = digestFixture({
    transport,
    recipients,
    stories: STORIES,
    ...(delivery ? { delivery } : {}),
  });
  cleanups.push(() => rmSync(fixture.dir, { recursive: true, force: true }));
  const out = io(fixture.dir);
  const code = await runMain(
    ["run-due", "--config", fixture.config, "--now", "2026-01-10T08:00:00Z"],
    out,
  );
  return { fixture, out, code };
}

describe("digests over a real SMTP server", () => {
  it("sends one multipart message per recipient with unsubscribe headers, and nothing twice", async () => {
    const { server, runDue } = await setup([
      "ana@example.org",
      "Bo Li <bo@example.org>",
      "cy@example.org",
    ]);
    expect((await runDue("2026-01-10T08:00:00Z")).code).toBe(0);
    expect((await runDue("2026-01-10T09:00:00Z")).err).toContain(
      "riverton: not due; next at 2026-01-11T07:00:00.000Z",
    );
    expect(server.perRecipient()).toEqual({
      "ana@example.org": 1,
      "bo@example.org": 1,
      "cy@example.org": 1,
    });
    const bo = server.received.find((r) => r.to.includes("bo@example.org"))?.mail;
    if (!bo) throw new Error("no message for bo");
    expect(bo.from?.text).toBe('"Riverton Desk" <desk@riverton.example>');
    expect(bo.to && "text" in bo.to ? bo.to.text : "").toBe('"Bo Li" <bo@example.org>');
    expect(bo.subject).toMatch(/Riverton|Harbour Bridge/);
    expect(bo.messageId).toMatch(/^<[0-9a-f]{32}\.riverton@riverton\.example>$/);
    expect(bo.date).toBeInstanceOf(Date);
    const header = (name: string) => bo.headerLines.find((h) => h.key === name)?.line ?? "";
    expect(header("list-unsubscribe-post")).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(header("list-id")).toBe("List-Id: <riverton.riverton.example>");
    expect(header("list-unsubscribe").replace(/\s+/g, " ")).toMatch(
      /^List-Unsubscribe: <https:\/\/riverton\.example\/unsubscribe\?t=[\w-]+\.[\w-]{22}>, <mailto:desk@riverton\.example\?subject=unsubscribe%20riverton%20[\w-]+\.[\w-]{22}>$/,
    );
    expect(bo.text).toContain("Hello Bo Li,");
    expect(bo.text).toMatch(/Unsubscribe: https:\/\/riverton\.example\/unsubscribe\?t=/);
    expect(bo.html).toContain("Hello Bo Li,");
    expect(bo.html).toContain("prefers-color-scheme: dark");
  });

  it("retries a server that answers 451 twice, then delivers once", async () => {
    const { server, runDue, ledger } = await setup(["ana@example.org"], {
      answer: (_to, n) =>
        n <= 2 ? { kind: "reply", code: 451, text: "4.3.0 Try again later" } : { kind: "accept" },
    });
    const { code, err } = await runDue("2026-01-10T08:00:00Z");
    expect(code).toBe(0);
    expect(err.match(/retrying in \d+ ms/g)).toHaveLength(2);
    expect(server.perRecipient()).toEqual({ "ana@example.org": 1 });
    const run = await ledger().latestRun("riverton");
    expect(await ledger().deliveries(run?.id ?? -1)).toMatchObject([
      { status: "sent", attempts: 3 },
    ]);
  });

  it("survives a connection dropped mid-DATA", async () => {
    const { server, runDue } = await setup(["ana@example.org", "bo@example.org"], {
      answer: (to, n) =>
        to === "ana@example.org" && n === 1 ? { kind: "drop" } : { kind: "accept" },
    });
    expect((await runDue("2026-01-10T08:00:00Z")).code).toBe(0);
    expect(server.perRecipient()).toEqual({ "ana@example.org": 1, "bo@example.org": 1 });
  });

  it("records a 550 for one recipient and delivers to the others", async () => {
    const { server, runDue, fixture } = await setup(
      ["ana@example.org", "gone@example.org", "cy@example.org"],
      {
        refuse: ["gone@example.org"],
      },
    );
    const { code, err } = await runDue("2026-01-10T08:00:00Z");
    expect(code).toBe(1);
    expect(err).toContain("riverton: gone@example.org: refused: ");
    expect(server.perRecipient()).toEqual({ "ana@example.org": 1, "cy@example.org": 1 });
    const status = io(fixture.dir);
    await runMain(["status", "--config", fixture.config, "--now", "2026-01-10T09:00:00Z"], status);
    expect(status.out).toContain("complete, 2 articles, 2 sent, 1 failed");
    expect(status.out).toMatch(
      /refused: gone@example\.org \(2026-01-10T07:00:00\.000Z, 1 attempt\): .*550/,
    );
  });

  it("keeps to delivery.maxPerSecond", async () => {
    const arrivals: number[] = [];
    const recipients = Array.from({ length: 12 }, (_, i) => `r${i}@example.org`);
    const { server, fixture } = await setup(
      recipients,
      { onAccepted: () => arrivals.push(performance.now()) },
      { maxPerSecond: 4 },
    );
    // The bucket refills with the clock: this run's clock is the real one.
    const out = { ...io(fixture.dir), now: () => new Date() };
    const args = ["run-due", "--config", fixture.config, "--now", "2026-01-10T08:00:00Z"];
    const started = performance.now();
    expect(await runMain(args, out)).toBe(0);
    expect(Object.keys(server.perRecipient())).toHaveLength(12);
    // Four saved up, then four a second: the twelfth goes two seconds in, not before (without
    // the limit, all twelve take a tenth of that).
    expect((arrivals.at(-1) as number) - started).toBeGreaterThanOrEqual(2_000);
  });

  it("keeps 07:00 London time across the spring DST change", async () => {
    const { runDue, ledger, server } = await setup(["ana@example.org"]);
    await runDue("2026-03-28T07:05:00Z");
    expect((await runDue("2026-03-29T05:59:00Z")).err).toContain(
      "not due; next at 2026-03-29T06:00:00.000Z",
    );
    await runDue("2026-03-29T06:01:00Z");
    expect(
      (await ledger().recentRuns("riverton", 5)).map((r) => [r.periodStart, r.periodEnd]),
    ).toEqual([
      ["2026-03-28T07:00:00.000Z", "2026-03-29T06:00:00.000Z"],
      ["2026-03-27T07:00:00.000Z", "2026-03-28T07:00:00.000Z"],
    ]);
    // Saturday's story in the first digest, Sunday's in the one sent at 07:00 BST.
    expect(server.perRecipient()).toEqual({ "ana@example.org": 2 });
  });

  it("catches up after three missed days with one run covering them all", async () => {
    const { server, runDue, ledger } = await setup(["ana@example.org"]);
    await runDue("2026-01-10T07:30:00Z");
    const first = await ledger().latestRun("riverton");
    expect(first?.periodEnd).toBe("2026-01-10T07:00:00.000Z");
    expect(await ledger().runArticles(first?.id ?? -1)).toHaveLength(2);
    await runDue("2026-01-13T08:00:00Z");
    const runs = await ledger().recentRuns("riverton", 5);
    expect(runs).toHaveLength(2);
    expect([runs[0]?.periodStart, runs[0]?.periodEnd]).toEqual([
      "2026-01-10T07:00:00.000Z",
      "2026-01-13T07:00:00.000Z",
    ]);
    // Everything dated 11, 12 and 13 January: in this one digest, and in no other.
    expect(await ledger().runArticles(runs[0]?.id ?? -1)).toHaveLength(3);
    expect(server.perRecipient()).toEqual({ "ana@example.org": 2 });
  });

  it("says which window a first digest covers, and --backfill takes in the days before it", async () => {
    const { runDue, ledger, fixture } = await setup(["ana@example.org"]);
    const first = await runDue("2026-01-12T08:00:00Z");
    expect(first.err).toContain(
      "riverton: first digest, covering what arrived from 2026-01-11T07:00:00.000Z to 2026-01-12T07:00:00.000Z; 2 earlier articles are history, not news (--backfill DAYS takes in the last DAYS)",
    );
    expect(
      await ledger().runArticles((await ledger().latestRun("riverton"))?.id ?? -1),
    ).toHaveLength(2);
    // A fresh state: the first digest takes in the last five days.
    rmSync(join(fixture.dir, ".briefing"), { recursive: true, force: true });
    const out = io(fixture.dir);
    const code = await runMain(
      ["run-due", "--config", fixture.config, "--now", "2026-01-12T08:00:00Z", "--backfill", "5"],
      out,
    );
    expect(code).toBe(0);
    expect(out.err).toContain("covering what arrived from 2026-01-07T07:00:00.000Z");
    const fresh = new Ledger(join(fixture.dir, ".briefing/state.db"));
    cleanups.push(() => fresh.close());
    expect(await fresh.runArticles((await fresh.latestRun("riverton"))?.id ?? -1)).toHaveLength(4);
    const bad = io(fixture.dir);
    expect(
      await runMain(["run-due", "--config", fixture.config, "--backfill", "a week"], bad),
    ).toBe(2);
    expect(bad.err).toContain(
      '--backfill: expected a number of days from 1 to 3650, found "a week"',
    );
  });

  it("never shows the SMTP password", async () => {
    const server = await startSmtpSink();
    cleanups.push(server.close);
    const { fixture, out, code } = await runDueOver(`smtp://desk:hunter2-secret@127.0.0.1:1`, [
      "ana@example.org",
    ]);
    expect(code).toBe(1);
    const status = io(fixture.dir);
    await runMain(["status", "--config", fixture.config, "--now", "2026-01-10T09:00:00Z"], status);
    expect(status.out).toContain("transport: smtp://desk:***@127.0.0.1:1");
    for (const text of [out.err, out.out, status.out, status.err])
      expect(text).not.toContain("hunter2");
  });

  it("stops after three connection failures in a row, leaving everyone pending, and says so", async () => {
    const gone = await startSmtpSink();
    await gone.close();
    const { fixture, out, code } = await runDueOver(
      gone.url,
      ["ana@example.org", "bo@example.org", "cy@example.org"],
      { attempts: 5, backoffMs: 10, maxBackoffMs: 20 },
    );
    expect(code).toBe(1);
    expect(out.err).toContain("riverton: the mail server could not be reached 3 times in a row");
    expect(out.err).toContain("3 recipients left pending for the next run");
    const ledger = new Ledger(join(fixture.dir, ".briefing/state.db"));
    cleanups.push(() => ledger.close());
    const deliveries = await ledger.deliveries((await ledger.latestRun("riverton"))?.id ?? -1);
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["pending", 3],
      ["pending", 0],
      ["pending", 0],
    ]);
  });

  it("refuses to send without the owner's secret, and send fails when another holds the lock", async () => {
    const { fixture, server, ledger } = await setup(["ana@example.org"]);
    const text = readFileSync(fixture.config, "utf8");
    writeFileSync(fixture.config, text.replace(/^secret: .*$/m, ""));
    for (const args of [["send", "riverton"], ["run-due"], ["schedule"]]) {
      const out = io(fixture.dir);
      expect(await runMain([...args, "--config", fixture.config], out)).toBe(2);
      expect(out.err).toContain("secret: expected a secret of at least 16 characters");
    }
    const env = io(fixture.dir, { BRIEFING_SECRET: "short" });
    expect(await runMain(["send", "riverton", "--config", fixture.config], env)).toBe(2);
    expect(env.err).toContain("BRIEFING_SECRET: expected a secret of at least 16 characters");
    writeFileSync(fixture.config, text);
    // A live holder (this process) has the digest: send says so and fails; nothing is sent.
    expect(await ledger().acquireLock("riverton", "someone-else", Date.now(), 60_000)).toBe(true);
    const busy = io(fixture.dir);
    expect(await runMain(["send", "riverton", "--config", fixture.config], busy)).toBe(1);
    expect(busy.err).toContain("riverton: another process is running this digest");
    expect(server.received).toHaveLength(0);
  });

  it("sends nothing to an address that unsubscribed, counts it, and sends again after resubscribe", async () => {
    const { fixture, server, runDue } = await setup(["ana@example.org", "Bo Li <bo@example.org>"]);
    const operator = (...args: string[]) =>
      runMain([...args, "--config", fixture.config], io(fixture.dir));
    expect(await operator("unsubscribe", "riverton", "BO@example.org")).toBe(0);
    expect(await operator("unsubscribe", "nope", "bo@example.org")).toBe(2);
    expect(await operator("unsubscribe", "riverton", "bo@example.org\r\nBcc: x@y.z")).toBe(2);
    expect((await runDue("2026-01-10T08:00:00Z")).code).toBe(0);
    expect(server.perRecipient()).toEqual({ "ana@example.org": 1 });
    const status = io(fixture.dir);
    await runMain(["status", "--config", fixture.config], status);
    expect(status.out).toContain("unsubscribed: 1");
    expect(await operator("resubscribe", "riverton", "bo@example.org")).toBe(0);
    expect((await runDue("2026-01-11T08:00:00Z")).code).toBe(0);
    expect(server.perRecipient()).toEqual({ "ana@example.org": 2, "bo@example.org": 1 });
  });
});
