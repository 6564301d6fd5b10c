import { spawnSync } from "node:child_process";
import { type Article, dayEstimate } from "@briefing/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DigestStore } from "./digest-store.js";
import { type OpenedStore, storeDrivers, TEST_POSTGRES } from "./test-support/store-drivers.js";

if (!TEST_POSTGRES)
  console.warn(
    "store contract: PostgreSQL driver not tested here (set BRIEFING_TEST_POSTGRES=postgres://…); SQLite is",
  );

const LONG =
  "The port authority of Riverton confirmed on Monday that the repairs of the old quay will take several more weeks, and that ferries will keep to the winter timetable until the work on the north pier is finished.";

function article(url: string | undefined, title: string, text: string): Article {
  return {
    id: "from-the-pipeline",
    title,
    paragraphs: [text],
    ...(url ? { url } : {}),
    language: "en",
    published: dayEstimate("2026-02-02", [{ text: "2026-02-02", rule: "metadata" }], 0.9),
    origins: [{ path: "https://news.example/feed.xml#1", format: "rss" }],
  };
}

// One contract, every driver: what the digests rely on, whichever store holds their state.
describe.each(storeDrivers())("the $name store", (driver) => {
  let opened: OpenedStore;
  let ledger: DigestStore;
  beforeEach(async () => {
    opened = await driver.open();
    ledger = opened.store;
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  const run = (periodEnd: string, articleIds: string[], recipients = ["a@x.org", "b@x.org"]) =>
    ledger.createRun({
      digest: "daily",
      periodStart: "2026-01-01T07:00:00.000Z",
      periodEnd,
      createdAt: periodEnd,
      articleIds,
      historyIds: ["h1", "h2"],
      deliveries: recipients.map((recipient) => ({
        recipient,
        messageId: `<${recipient}.${periodEnd}@x.org>`,
      })),
    });

  it("records a run with its articles and deliveries, and completes it when every delivery is settled", async () => {
    const r = await run("2026-01-02T07:00:00.000Z", ["a1", "a2"]);
    expect(r).toMatchObject({ digest: "daily", status: "sending", completedAt: null });
    expect(await ledger.runArticles(r.id)).toEqual(["a1", "a2"]);
    expect(await ledger.runHistory(r.id)).toEqual(["h1", "h2"]);
    expect(await ledger.coveredArticles("daily", ["a1", "a3"])).toEqual(new Set(["a1"]));
    expect(await ledger.coveredArticles("weekly", ["a1"])).toEqual(new Set());
    expect(await ledger.origin("daily")).toBe("2026-01-01T07:00:00.000Z");
    expect(await ledger.claimDeliveries(r.id, ["a@x.org"], 1_000, 0)).toEqual(new Set(["a@x.org"]));
    await ledger.markSent(r.id, "a@x.org", "2026-01-02T07:00:01.000Z");
    expect(await ledger.claimDeliveries(r.id, ["b@x.org"], 1_000, 0)).toEqual(new Set(["b@x.org"]));
    // Claimed a moment ago: nobody else takes it; stale, it is taken over.
    expect(await ledger.claimDeliveries(r.id, ["b@x.org"], 1_500, 1_000)).toEqual(new Set());
    expect(await ledger.claimDeliveries(r.id, ["b@x.org"], 9_000, 2_000)).toEqual(
      new Set(["b@x.org"]),
    );
    await ledger.markFailed(r.id, "b@x.org", "451 try later", false);
    expect(await ledger.completeIfDone(r.id, "t")).toBe(false);
    expect((await ledger.unfinishedRuns("daily")).map((x) => x.id)).toEqual([r.id]);
    expect(await ledger.claimDeliveries(r.id, ["b@x.org"], 10_000, 0)).toEqual(
      new Set(["b@x.org"]),
    );
    await ledger.markFailed(r.id, "b@x.org", "550 no such user", true);
    expect(await ledger.completeIfDone(r.id, "2026-01-02T07:01:00.000Z")).toBe(true);
    expect(await ledger.latestRun("daily")).toMatchObject({
      status: "complete",
      completedAt: "2026-01-02T07:01:00.000Z",
    });
    expect(await ledger.deliveries(r.id)).toEqual([
      {
        runId: r.id,
        recipient: "a@x.org",
        status: "sent",
        attempts: 1,
        lastError: null,
        messageId: "<a@x.org.2026-01-02T07:00:00.000Z@x.org>",
        sentAt: "2026-01-02T07:00:01.000Z",
      },
      {
        runId: r.id,
        recipient: "b@x.org",
        status: "failed",
        attempts: 3,
        lastError: "550 no such user",
        messageId: "<b@x.org.2026-01-02T07:00:00.000Z@x.org>",
        sentAt: null,
      },
    ]);
    expect(await ledger.recentFailures("daily", 5)).toMatchObject([
      { recipient: "b@x.org", periodEnd: "2026-01-02T07:00:00.000Z" },
    ]);
    expect((await ledger.recentRuns("daily", 5)).map((x) => x.id)).toEqual([r.id]);
  });

  it("claims a slice at once, leaving what another sender holds or settled, and none twice at once", async () => {
    const r = await run(
      "2026-01-02T07:00:00.000Z",
      [],
      ["a@x.org", "b@x.org", "c@x.org", "d@x.org"],
    );
    expect(await ledger.claimDeliveries(r.id, ["b@x.org"], 1_000, 0)).toEqual(new Set(["b@x.org"]));
    await ledger.markSent(r.id, "b@x.org", "t");
    expect(await ledger.claimDeliveries(r.id, ["c@x.org"], 1_000, 0)).toEqual(new Set(["c@x.org"]));
    const everyone = ["a@x.org", "b@x.org", "c@x.org", "d@x.org", "nobody@x.org"];
    expect(await ledger.claimDeliveries(r.id, everyone, 1_200, 500)).toEqual(
      new Set(["a@x.org", "d@x.org"]),
    );
    // A claim never tried goes back: pending, its attempt undone, free for anyone at once.
    await ledger.releaseDeliveries(r.id, ["a@x.org", "b@x.org"]);
    const rows = new Map((await ledger.deliveries(r.id)).map((d) => [d.recipient, d]));
    expect(rows.get("a@x.org")).toMatchObject({ status: "pending", attempts: 0 });
    expect(rows.get("b@x.org")).toMatchObject({ status: "sent", attempts: 1 });
    expect(await ledger.claimDeliveries(r.id, ["a@x.org"], 1_300, 0)).toEqual(new Set(["a@x.org"]));
    // Two senders at once over the same slice: each recipient goes to one of them.
    const later = await run("2026-01-03T07:00:00.000Z", [], ["a@x.org", "b@x.org", "c@x.org"]);
    const slice = ["a@x.org", "b@x.org", "c@x.org"];
    const [one, two] = await Promise.all([
      ledger.claimDeliveries(later.id, slice, 2_000, 0),
      ledger.claimDeliveries(later.id, slice, 2_000, 0),
    ]);
    expect([...(one as Set<string>), ...(two as Set<string>)].sort()).toEqual(slice);
  });

  it("shares a rate limit: a full bucket to start, refilled with time, never more than it holds", async () => {
    const limit = { perSecond: 10, burst: 10 };
    expect(await ledger.takeTokens("smtp", 4, limit, 0)).toEqual({ granted: 4, waitMs: 0 });
    expect(await ledger.takeTokens("smtp", 20, limit, 0)).toEqual({ granted: 6, waitMs: 0 });
    // Empty: the next token comes in a tenth of a second.
    expect(await ledger.takeTokens("smtp", 1, limit, 0)).toEqual({ granted: 0, waitMs: 100 });
    expect(await ledger.takeTokens("smtp", 5, limit, 350)).toEqual({ granted: 3, waitMs: 0 });
    expect(await ledger.takeTokens("other", 1, limit, 350)).toEqual({ granted: 1, waitMs: 0 });
    // A long pause saves up one burst, no more; many takers at once share it.
    const takes = await Promise.all(
      Array.from({ length: 8 }, () => ledger.takeTokens("smtp", 3, limit, 60_000)),
    );
    expect(takes.reduce((n, t) => n + t.granted, 0)).toBe(10);
  });

  it("keeps deliveries in the order recorded", async () => {
    const recipients = ["z@x.org", "a@x.org", "m@x.org", "b@x.org"];
    const r = await run("2026-01-02T07:00:00.000Z", [], recipients);
    expect((await ledger.deliveries(r.id)).map((d) => d.recipient)).toEqual(recipients);
    // A worker's batch: only its recipients, still in order.
    expect(
      (await ledger.deliveries(r.id, ["b@x.org", "z@x.org", "nobody@x.org"])).map(
        (d) => d.recipient,
      ),
    ).toEqual(["z@x.org", "b@x.org"]);
  });

  it("never lets two runs of a digest cover one article, nor one period twice", async () => {
    await run("2026-01-02T07:00:00.000Z", ["a1"]);
    await expect(run("2026-01-03T07:00:00.000Z", ["a1"])).rejects.toThrow(/unique/i);
    expect((await ledger.latestRun("daily"))?.periodEnd).toBe("2026-01-02T07:00:00.000Z");
    await expect(run("2026-01-02T07:00:00.000Z", ["a9"])).rejects.toThrow(/unique/i);
    // Nothing of a refused period stays behind.
    expect(await ledger.coveredArticles("daily", ["a9"])).toEqual(new Set());
  });

  it("completes a run with no recipients at once", async () => {
    expect((await run("2026-01-02T07:00:00.000Z", [], [])).status).toBe("complete");
  });

  it("lets one holder lock a digest; an expired lock or a dead holder loses it", async () => {
    expect(await ledger.acquireLock("daily", "one", 1_000, 60_000)).toBe(true);
    expect(await ledger.acquireLock("daily", "two", 2_000, 60_000)).toBe(false);
    expect(await ledger.acquireLock("daily", "one", 2_000, 60_000)).toBe(true);
    expect(await ledger.refreshLock("daily", "one", 3_000, 60_000)).toBe(true);
    expect(await ledger.acquireLock("daily", "two", 62_000, 60_000)).toBe(false);
    expect(await ledger.acquireLock("daily", "two", 63_001, 60_000)).toBe(true);
    expect(await ledger.refreshLock("daily", "one", 64_000, 60_000)).toBe(false);
    // A holder that died (SIGKILL, say) leaves its row behind: its pid is gone, so the lock is free.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid as number;
    await opened.forgeLockPid("daily", dead);
    expect(await ledger.acquireLock("daily", "three", 64_000, 60_000)).toBe(true);
    await ledger.releaseLock("daily", "three");
    expect(await ledger.acquireLock("daily", "four", 64_000, 60_000)).toBe(true);
    expect(await ledger.acquireLock("weekly", "five", 64_000, 60_000)).toBe(true);
  });

  it("gives a contested lock to exactly one of many takers at once", async () => {
    const takers = Array.from({ length: 8 }, (_, i) =>
      ledger.acquireLock("daily", `taker-${i}`, 1_000, 60_000),
    );
    expect((await Promise.all(takers)).filter(Boolean)).toHaveLength(1);
  });

  it("records unsubscriptions once, by lower-cased address, and takes them back", async () => {
    expect(await ledger.unsubscribe("daily", "Ana@X.org", "t1", "one-click")).toBe(true);
    expect(await ledger.unsubscribe("daily", "ana@x.org", "t2", "operator")).toBe(false);
    expect(await ledger.isUnsubscribed("daily", "ANA@x.org")).toBe(true);
    expect(await ledger.isUnsubscribed("weekly", "ana@x.org")).toBe(false);
    expect(await ledger.unsubscribedCount("daily")).toBe(1);
    expect(await ledger.unsubscribed("daily")).toEqual(new Set(["ana@x.org"]));
    expect(await ledger.unsubscribed("weekly")).toEqual(new Set());
    const r = await run("2026-01-02T07:00:00.000Z", ["a1"]);
    await ledger.dropDelivery(r.id, "a@x.org");
    expect((await ledger.deliveries(r.id)).map((d) => d.recipient)).toEqual(["b@x.org"]);
    expect(await ledger.resubscribe("daily", "ana@x.org")).toBe(true);
    expect(await ledger.resubscribe("daily", "ana@x.org")).toBe(false);
    expect(await ledger.unsubscribedCount("daily")).toBe(0);
  });

  it("keeps each run's first issue for the archive, and its first compiled email", async () => {
    const r = await run("2026-01-02T07:00:00.000Z", ["a1"]);
    await ledger.saveIssue(r.id, "First", "<p>one</p>");
    await ledger.saveIssue(r.id, "Again", "<p>two</p>");
    expect(await ledger.issues("daily")).toEqual([
      { runId: r.id, periodEnd: "2026-01-02T07:00:00.000Z", subject: "First" },
    ]);
    expect(await ledger.issue("daily", r.id)).toEqual({ subject: "First", html: "<p>one</p>" });
    expect(await ledger.issue("weekly", r.id)).toBeUndefined();
    // The compiled email the workers send, kept once.
    await ledger.saveEmail(r.id, '{"subject":"First"}');
    await ledger.saveEmail(r.id, '{"subject":"Again"}');
    expect(await ledger.email(r.id)).toBe('{"subject":"First"}');
    expect(await ledger.email(r.id + 1)).toBeUndefined();
    expect(await ledger.run(r.id)).toEqual(await ledger.latestRun("daily"));
    expect(await ledger.run(r.id + 1)).toBeUndefined();
  });

  it("knows an article again by its address with its title or text unchanged, or by its text", async () => {
    const s = ledger.store;
    const at = "2026-02-02T10:00:00.000Z";
    const first = await s.put(
      article("https://news.example/quay", "Quay repairs", LONG),
      "feed",
      at,
    );
    expect(first.outcome).toBe("new");
    expect(first.id).toMatch(/^s[0-9a-f]{15}$/);
    const again = (a: Article) => s.put(a, "feed", "2026-02-03T10:00:00.000Z");
    expect(
      await again(article("https://news.example/quay?utm_source=x", "Quay repairs", LONG)),
    ).toEqual({
      id: first.id,
      outcome: "unchanged",
    });
    expect(await again(article("https://news.example/quay", "Quay repairs drag on", LONG))).toEqual(
      {
        id: first.id,
        outcome: "updated",
      },
    );
    const edited = `${LONG} Updated at noon.`;
    expect(
      await again(article("https://news.example/quay", "Quay repairs drag on", edited)),
    ).toEqual({
      id: first.id,
      outcome: "updated",
    });
    // Republished elsewhere, word for word: the same article.
    expect(
      (await again(article("https://mirror.example/riverton/quay", "Quay works", edited))).id,
    ).toBe(first.id);
    expect(
      (await s.seenBetween("2026-01-01", "2027-01-01")).map((x) => [
        x.article.id,
        x.article.title,
        x.firstSeen,
      ]),
    ).toEqual([[first.id, "Quay works", at]]);
    expect(await s.hasUrl("https://news.example/quay#comments")).toBe(true);
    expect(await s.hasUrl("https://news.example/other")).toBe(false);
    expect(await s.seenBetween("2026-02-02T10:00:00.001Z", "2027-01-01")).toEqual([]);
  });

  it("keeps apart posts told apart by a fragment, and short texts that only look alike", async () => {
    const s = ledger.store;
    const at = "2026-02-02T10:00:00.000Z";
    const puts = [
      article("https://blog.example/2026/02/02.html#a1", "Morning", "Read more…"),
      article("https://blog.example/2026/02/02.html#a2", "Evening", "Read more…"),
      article("https://other.example/post", "Other", "Read more…"),
      article(undefined, "No link", "Read more…"),
    ];
    const stored = [];
    for (const a of puts) stored.push(await s.put(a, "feed", at));
    expect(stored.map((x) => x.outcome)).toEqual(["new", "new", "new", "new"]);
    expect(new Set(stored.map((x) => x.id)).size).toBe(4);
    expect(await s.count()).toBe(4);
  });

  it("stores an article once when two writers store it at the same time", async () => {
    const a = article("https://news.example/quay", "Quay repairs", LONG);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => ledger.store.put(a, "feed", "2026-02-02T10:00:00.000Z")),
    );
    expect(outcomes.filter((o) => o.outcome === "new")).toHaveLength(1);
    expect(await ledger.store.count()).toBe(1);
  });

  it("keeps a source's validators, and the start and reason of its failures until it works again", async () => {
    const s = ledger.store;
    const url = "https://news.example/feed.xml";
    expect(await s.source(url)).toBeUndefined();
    await s.recordSuccess(url, "t1", {
      kind: "feed",
      validators: { etag: '"v1"', lastModified: "Mon" },
    });
    await s.recordSuccess(url, "t2", {});
    expect(await s.source(url)).toEqual({
      url,
      kind: "feed",
      etag: '"v1"',
      lastModified: "Mon",
      lastAttemptAt: "t2",
      lastSuccessAt: "t2",
      failingSince: null,
      lastError: null,
    });
    await s.recordFailure(url, "t3", "HTTP 500");
    await s.recordFailure(url, "t4", "HTTP 503");
    expect(await s.source(url)).toMatchObject({
      kind: "feed",
      lastAttemptAt: "t4",
      lastSuccessAt: "t2",
      failingSince: "t3",
      lastError: "HTTP 503",
    });
    await s.recordSuccess(url, "t5", { validators: {} });
    expect(await s.source(url)).toMatchObject({ etag: null, failingSince: null, lastError: null });
    await s.recordFailure("https://new.example/feed", "t6", "ENOTFOUND");
    expect(await s.source("https://new.example/feed")).toMatchObject({
      kind: null,
      failingSince: "t6",
    });
  });
});
