import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../cli/io.js";
import { runMain } from "../cli/run-main.js";
import {
  articlePage,
  type FeedItem,
  rssFeed,
  servesDocument,
  startNewsServer,
} from "../sources/test-support/news-server.js";
import { Ledger } from "../state/ledger.js";
import { startSmtpSink } from "./test-support/smtp-sink.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function io(dir: string): CliIo & { err: string; out: string } {
  const captured = {
    out: "",
    err: "",
    cwd: dir,
    now: () => new Date("2026-11-21T07:00:00Z"),
    env: {},
    stdout: (t: string) => {
      captured.out += t;
    },
    stderr: (t: string) => {
      captured.err += t;
    },
  };
  return captured;
}

/** The stories the feed publishes, step by step: each a title, a day and its news. */
const STEPS = [
  [
    [
      "Bridge works begin",
      "2026-02-01",
      "Crews began repairing the Harbour Bridge in Riverton on 1 February.",
    ],
    [
      "Lorries banned",
      "2026-02-01",
      "Riverton council banned lorries from the old quay road on 1 February.",
    ],
  ],
  [
    ["Ferry added", "2026-02-02", "A ferry began crossing the harbour in Riverton on 2 February."],
    [
      "Bridge inspection",
      "2026-02-02",
      "Engineers inspected the Harbour Bridge in Riverton on 2 February.",
    ],
  ],
  [
    [
      "Bridge reopens",
      "2026-02-03",
      "The Harbour Bridge in Riverton reopened to cars on 3 February.",
    ],
  ],
] as const;

describe("digests from a feed that changes between runs", () => {
  it("sends three digests, each with only its new events and a 'so far' line; no article twice, none lost", async () => {
    const news = await startNewsServer();
    cleanups.push(news.close);
    const smtp = await startSmtpSink();
    cleanups.push(smtp.close);
    const dir = mkdtempSync(join(tmpdir(), "briefing-feeds-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const config = join(dir, "briefing.config.yaml");
    writeFileSync(
      config,
      [
        "sources:",
        `  - ${news.url}/riverton.xml`,
        `  - { url: "${news.url}/port.xml", name: Port Gazette }`,
        "fetch: { contact: desk@riverton.example }",
        `transport: ${smtp.url}`,
        "from: Riverton Desk <desk@riverton.example>",
        "secret: a-secret-of-sixteen-or-more",
        "digests:",
        "  - name: riverton",
        '    schedule: "0 7 * * *"',
        "    timezone: UTC",
        '    recipients: ["ana@example.org", "bo@example.org"]',
      ].join("\n"),
    );
    const page = (n: number, title: string, day: string, sentence: string) => {
      news.route(
        `/story/${n}`,
        servesDocument(
          articlePage(title, `${day}T09:00:00Z`, [sentence]),
          "text/html; charset=utf-8",
        ),
      );
      return {
        guid: `riverton-${n}`,
        title,
        link: `${news.url}/story/${n}`,
        date: `${day}T09:00:00Z`,
        description: sentence,
      };
    };
    // The port's feed never changes: after the first fetch, it is a 304.
    news.route(
      "/port.xml",
      servesDocument(
        rssFeed("Port Gazette", [
          page(
            100,
            "Port dredging",
            "2026-02-01",
            "Dredgers deepened the Riverton port channel on 1 February.",
          ),
        ]),
        "application/rss+xml",
      ),
    );
    const published: FeedItem[] = [];
    const runs: { code: number; err: string }[] = [];
    for (const [i, step] of STEPS.entries()) {
      for (const [j, [title, day, sentence]] of step.entries())
        published.push(page(10 * i + j, title, day, sentence));
      // Older items change their GUID and title, or fall out of the feed, as real feeds do.
      const shown = published.slice(-3).map((item, k) =>
        k === 0 && i > 0
          ? {
              ...item,
              guid: `${item.guid}-v2`,
              title: `${item.title} (updated)`,
              link: `${item.link}?utm_source=rss`,
            }
          : item,
      );
      news.route(
        "/riverton.xml",
        servesDocument(rssFeed("Riverton News", shown), "application/rss+xml"),
      );
      const out = io(dir);
      const code = await runMain(
        ["run-due", "--config", config, "--now", `2026-02-0${i + 2}T07:05:00Z`],
        out,
      );
      runs.push({ code, err: out.err });
    }
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs[0]?.err).toContain(
      "riverton: first digest, covering what arrived from 2026-02-01T07:00:00.000Z to 2026-02-02T07:00:00.000Z",
    );
    expect(news.seen("/port.xml").map((r) => r.status)).toEqual([200, 304, 304]);
    expect(news.seen("/port.xml")[0]?.headers["user-agent"]).toBe(
      "Briefing/0.1 (news digests; +desk@riverton.example)",
    );
    expect(smtp.perRecipient()).toEqual({ "ana@example.org": 3, "bo@example.org": 3 });

    const ledger = new Ledger(join(dir, ".briefing/state.db"));
    cleanups.push(() => ledger.close());
    const sent = (await ledger.recentRuns("riverton", 5)).reverse();
    const covered = await Promise.all(sent.map((r) => ledger.runArticles(r.id)));
    // Every article fetched went out once: no article twice, none lost.
    expect(covered.map((ids) => ids.length)).toEqual([3, 2, 1]);
    expect(new Set(covered.flat()).size).toBe(6);
    expect(await ledger.store.count()).toBe(6);

    // Messages to one recipient, in the order sent.
    const texts = smtp.received
      .filter((m) => m.to.includes("ana@example.org"))
      .map((m) => m.mail.text ?? "");
    const sentences = STEPS.map((step) => step.map(([, , sentence]) => sentence as string));
    sentences[0]?.push("Dredgers deepened the Riverton port channel on 1 February.");
    for (const [i, mail] of texts.entries()) {
      const text = mail.replace(/\s+/g, " ");
      // The "so far" line runs from its label to the month heading of the news.
      const soFar = /So far: (.*?) [A-Z]+ 2026 /.exec(text)?.[1] ?? "";
      const rest = text.replace(soFar, "");
      for (const s of sentences[i] ?? []) expect(rest).toContain(s);
      for (const s of sentences.slice(0, i).flat()) expect(rest).not.toContain(s);
      if (i === 0) expect(text).not.toContain("So far:");
      else
        expect(
          sentences
            .slice(0, i)
            .flat()
            .some((s) => soFar.includes(s)),
        ).toBe(true);
    }
  });

  it("fetch stores pages and feeds, and status names a source failing for a day", async () => {
    const news = await startNewsServer();
    cleanups.push(news.close);
    const dir = mkdtempSync(join(tmpdir(), "briefing-fetch-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const config = join(dir, "briefing.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        sources: [
          `${news.url}/story`,
          {
            url: `${news.url.replace("http://", "http://desk:feed-secret-9@")}/down.xml`,
            name: "Down Daily",
          },
        ],
        from: "desk@riverton.example",
        digests: [{ name: "riverton", schedule: "0 7 * * *", recipients: ["ana@example.org"] }],
      }),
    );
    news.route(
      "/story",
      servesDocument(
        articlePage("Quay reopens", "2026-02-05T08:00:00Z", [
          "The old quay in Riverton reopened to ferries on 5 February after a month of repairs.",
        ]),
        "text/html",
      ),
    );
    news.route("/down.xml", (_req, res) => void res.writeHead(503).end());
    const fetch = async (now: string) => {
      const out = io(dir);
      const code = await runMain(["fetch", "--config", config, "--now", now], out);
      return { code, err: out.err };
    };
    const first = await fetch("2026-02-05T09:00:00Z");
    expect(first.code).toBe(1);
    expect(first.err).toContain(`${news.url}/story: 1 new, 0 updated, 0 unchanged article`);
    const masked = news.url.replace("http://", "http://desk:***@");
    expect(first.err).toContain(
      `${masked}/down.xml: failed: HTTP 503 Service Unavailable; tried again next time`,
    );
    expect((await fetch("2026-02-05T09:05:00Z")).err).toBe(
      "2 sources fetched recently; the next is due at 2026-02-05T09:15:00.000Z (--all fetches them now)\n",
    );
    await fetch("2026-02-06T09:30:00Z");
    const status = io(dir);
    expect(
      await runMain(["status", "--config", config, "--now", "2026-02-06T09:30:00Z"], status),
    ).toBe(0);
    expect(status.out).toContain("sources: 1 article stored");
    expect(status.out).toContain(`${news.url}/story: fetched 2026-02-06T09:30:00.000Z`);
    expect(status.out).toContain(
      `Down Daily <${masked}/down.xml>: FAILING for a day or more since 2026-02-05T09:00:00.000Z: HTTP 503 Service Unavailable`,
    );
    // The feed's password was sent (as Basic authorization) and never shown.
    expect(news.seen("/down.xml")[0]?.headers.authorization).toMatch(/^Basic /);
    expect(`${first.err}${status.out}${status.err}`).not.toContain("feed-secret-9");
  });
});
