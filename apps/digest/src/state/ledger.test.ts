import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Ledger } from "./ledger.js";

let dir: string;
let ledger: Ledger;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "briefing-ledger-"));
  ledger = new Ledger(join(dir, "state", "state.db"));
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (periodEnd: string, articleIds: string[], recipients = ["a@x.org", "b@x.org"]) =>
  ledger.createRun({
    digest: "daily",
    periodStart: "2026-01-01T07:00:00.000Z",
    periodEnd,
    createdAt: periodEnd,
    articleIds,
    deliveries: recipients.map((recipient) => ({
      recipient,
      messageId: `<${recipient}.${periodEnd}@x.org>`,
    })),
  });

describe("Ledger", () => {
  it("keeps the file in WAL mode", () => {
    const db = new Database(join(dir, "state", "state.db"), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("records a run with its articles and deliveries, and completes it when every delivery is settled", () => {
    const r = run("2026-01-02T07:00:00.000Z", ["a1", "a2"]);
    expect(r.status).toBe("sending");
    expect(ledger.runArticles(r.id)).toEqual(["a1", "a2"]);
    expect(ledger.coveredArticles("daily", ["a1", "a3"])).toEqual(new Set(["a1"]));
    expect(ledger.coveredArticles("weekly", ["a1"])).toEqual(new Set());
    ledger.beginAttempt(r.id, "a@x.org");
    ledger.markSent(r.id, "a@x.org", "2026-01-02T07:00:01.000Z");
    ledger.beginAttempt(r.id, "b@x.org");
    ledger.markFailed(r.id, "b@x.org", "451 try later", false);
    expect(ledger.completeIfDone(r.id, "t")).toBe(false);
    expect(ledger.unfinishedRuns("daily").map((x) => x.id)).toEqual([r.id]);
    ledger.beginAttempt(r.id, "b@x.org");
    ledger.markFailed(r.id, "b@x.org", "550 no such user", true);
    expect(ledger.completeIfDone(r.id, "2026-01-02T07:01:00.000Z")).toBe(true);
    expect(ledger.latestRun("daily")).toMatchObject({
      status: "complete",
      completedAt: "2026-01-02T07:01:00.000Z",
    });
    expect(ledger.deliveries(r.id)).toMatchObject([
      { recipient: "a@x.org", status: "sent", attempts: 1 },
      { recipient: "b@x.org", status: "failed", attempts: 2, lastError: "550 no such user" },
    ]);
    expect(ledger.recentFailures("daily", 5)).toHaveLength(1);
  });

  it("never lets two runs of a digest cover one article, nor one period twice", () => {
    run("2026-01-02T07:00:00.000Z", ["a1"]);
    expect(() => run("2026-01-03T07:00:00.000Z", ["a1"])).toThrow(/UNIQUE/);
    expect(ledger.latestRun("daily")?.periodEnd).toBe("2026-01-02T07:00:00.000Z");
    expect(() => run("2026-01-02T07:00:00.000Z", ["a9"])).toThrow(/UNIQUE/);
  });

  it("completes a run with no recipients at once", () => {
    expect(run("2026-01-02T07:00:00.000Z", [], []).status).toBe("complete");
  });

  it("lets one holder lock a digest; an expired lock or a dead holder loses it", () => {
    expect(ledger.acquireLock("daily", "one", 1_000, 60_000)).toBe(true);
    expect(ledger.acquireLock("daily", "two", 2_000, 60_000)).toBe(false);
    expect(ledger.acquireLock("daily", "two", 61_001, 60_000)).toBe(true);
    expect(ledger.refreshLock("daily", "one", 62_000, 60_000)).toBe(false);
    // A holder that died (SIGKILL, say) leaves its row behind: its pid is gone, so the lock is free.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid as number;
    const db = new Database(join(dir, "state", "state.db"));
    db.prepare("UPDATE locks SET pid = ? WHERE digest = 'daily'").run(dead);
    db.close();
    expect(ledger.acquireLock("daily", "three", 62_000, 60_000)).toBe(true);
    ledger.releaseLock("daily", "three");
    expect(ledger.acquireLock("daily", "four", 62_000, 60_000)).toBe(true);
  });
});
