import { afterEach, describe, expect, it } from "vitest";
import { ConfigSchema } from "../config/digest-config.js";
import { Ledger } from "../state/ledger.js";
import { type FetchEvent, fetchSources } from "./fetch-sources.js";
import {
  articlePage,
  type FeedItem,
  rssFeed,
  servesDocument,
  startNewsServer,
} from "./test-support/news-server.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const FETCH = ConfigSchema.shape.fetch.parse(undefined);

/** A paragraph of a story long enough to be its full text, not a summary. */
function longText(subject: string): string {
  const sentence = `${subject} was confirmed by officials of the port authority in Riverton on Monday, who said the work on the quay would take several more weeks to finish.`;
  return Array.from(
    { length: 6 },
    (_, i) =>
      `${sentence.replace("Monday", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][i] as string)}`,
  ).join(" ");
}

async function setup() {
  const server = await startNewsServer();
  cleanups.push(server.close);
  const ledger = new Ledger(":memory:");
  cleanups.push(() => ledger.close());
  const events: FetchEvent[] = [];
  const fetch = (now: string, urls: string[], force = false) =>
    fetchSources(
      urls.map((url) => ({ url })),
      { store: ledger.store, fetch: FETCH, now: new Date(now), log: (e) => events.push(e), force },
    );
  return { server, ledger, events, fetch };
}

const item = (n: number, over: Partial<FeedItem> = {}): FeedItem => ({
  guid: `guid-${n}`,
  title: `Quay repairs, part ${n}`,
  link: `https://news.example/quay-${n}`,
  date: `2026-02-0${n}T09:00:00Z`,
  description: longText(`Stage ${n} of the quay repairs`),
  ...over,
});

describe("fetchSources into the article store", () => {
  it("stores each item once, whatever happens to its GUID, address parameters or title", async () => {
    const { server, ledger, fetch } = await setup();
    const feed = `${server.url}/feed.xml`;
    server.route(
      "/feed.xml",
      servesDocument(rssFeed("Riverton News", [item(1), item(2), item(3)]), "application/rss+xml"),
    );
    const first = await fetch("2026-02-03T10:00:00Z", [feed]);
    expect(first).toMatchObject([
      { kind: "fetched", answer: "document", counts: { new: 3, updated: 0, unchanged: 0 } },
    ]);
    // Same document again: the server says 304 and nothing is read.
    const again = await fetch("2026-02-03T11:00:00Z", [feed]);
    expect(again).toMatchObject([{ kind: "fetched", answer: "not-modified" }]);
    expect(server.seen("/feed.xml").map((r) => r.status)).toEqual([200, 304]);
    // Item 1 under a new GUID and a tracking parameter, item 2 retitled, item 3 dropped, 4 new.
    server.route(
      "/feed.xml",
      servesDocument(
        rssFeed("Riverton News", [
          item(1, {
            guid: "urn:new-guid-1",
            link: "https://news.example/quay-1?utm_source=rss&utm_medium=feed#top",
          }),
          item(2, { title: "Quay repairs: the second stage (updated)" }),
          item(4),
        ]),
        "application/rss+xml",
      ),
    );
    const third = await fetch("2026-02-04T10:00:00Z", [feed]);
    expect(third).toMatchObject([
      { kind: "fetched", counts: { new: 1, updated: 1, unchanged: 1 } },
    ]);
    const stored = await ledger.store.seenBetween("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    expect(stored.map((s) => [s.article.title, s.firstSeen]).sort()).toEqual([
      ["Quay repairs, part 1", "2026-02-03T10:00:00.000Z"],
      ["Quay repairs, part 3", "2026-02-03T10:00:00.000Z"],
      ["Quay repairs, part 4", "2026-02-04T10:00:00.000Z"],
      ["Quay repairs: the second stage (updated)", "2026-02-03T10:00:00.000Z"],
    ]);
    expect(new Set(stored.map((s) => s.article.id)).size).toBe(4);
  });

  it("reads an item's page when the item carries only a summary", async () => {
    const { server, ledger, fetch } = await setup();
    const page = `${server.url}/story/quay`;
    server.route(
      "/feed.xml",
      servesDocument(
        rssFeed("Riverton News", [
          // A relative link, as some feeds have: read against the feed's address.
          item(1, { link: "/story/quay", description: "Quay repairs move to stage two." }),
        ]),
        "application/rss+xml",
      ),
    );
    server.route(
      "/story/quay",
      servesDocument(
        articlePage("Quay repairs move to stage two", "2026-02-01T08:00:00Z", [
          longText("The second stage of the quay repairs"),
          "Harbour master Tomas Reyes said ferries would run as usual.",
        ]),
        "text/html; charset=utf-8",
      ),
    );
    await fetch("2026-02-02T10:00:00Z", [`${server.url}/feed.xml`]);
    const [stored] = await ledger.store.seenBetween("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    expect(stored?.article.url).toBe(page);
    expect(stored?.article.paragraphs.join(" ")).toContain("Harbour master Tomas Reyes");
    expect(stored?.article.paragraphs.join(" ")).not.toContain("Home");
    expect(stored?.article.published.start).toBe("2026-02-01");
    // A page already stored is not fetched again when the feed changes.
    server.route(
      "/feed.xml",
      servesDocument(
        rssFeed("Riverton News", [item(1, { link: page, description: "Quay repairs move on." })]),
        "application/rss+xml",
      ),
    );
    await fetch("2026-02-03T10:00:00Z", [`${server.url}/feed.xml`]);
    expect(server.seen("/story/quay")).toHaveLength(1);
  });

  it("keeps each source's failure its own: recorded, retried when due, and stored articles kept", async () => {
    const { server, ledger, fetch, events } = await setup();
    const good = `${server.url}/good.xml`;
    const bad = `${server.url}/bad.xml`;
    const slow = `${server.url}/slow.xml`;
    server.route("/good.xml", servesDocument(rssFeed("Good", [item(1)]), "application/rss+xml"));
    server.route("/bad.xml", servesDocument(rssFeed("Bad", [item(2)]), "application/rss+xml"));
    await fetch("2026-02-03T10:00:00Z", [good, bad]);
    // The bad feed turns into an HTML page (a login wall), then into a 500; a slow one never answers.
    server.route(
      "/bad.xml",
      servesDocument(
        articlePage("Sign in", "2026-02-03", [
          "Sign in to read the news from Riverton and elsewhere.",
        ]),
        "text/html",
      ),
    );
    server.route("/slow.xml", () => {});
    const quick = { ...FETCH, timeoutMs: 300 };
    const second = await fetchSources([{ url: good }, { url: bad }, { url: slow }], {
      store: ledger.store,
      fetch: quick,
      now: new Date("2026-02-03T10:10:00Z"),
      log: () => {},
    });
    expect(second.map((e) => [e.kind, e.source, "reason" in e ? e.reason : ""])).toEqual([
      ["fetch-skipped", good, ""],
      ["fetch-skipped", bad, ""],
      ["fetch-failed", slow, "no complete answer within 300 ms"],
    ]);
    const third = await fetch("2026-02-03T11:00:00Z", [good, bad]);
    expect(third.map((e) => e.kind)).toEqual(["fetched", "fetch-failed"]);
    expect(third[1]).toMatchObject({
      reason: "expected a feed, as on earlier fetches, found text/html",
    });
    server.route("/bad.xml", (_req, res) => void res.writeHead(500).end());
    await fetch("2026-02-04T12:00:00Z", [bad]);
    expect(await ledger.store.source(bad)).toMatchObject({
      kind: "feed",
      failingSince: "2026-02-03T11:00:00.000Z",
      lastError: "HTTP 500 Internal Server Error",
      lastSuccessAt: "2026-02-03T10:00:00.000Z",
    });
    expect(await ledger.store.count()).toBe(2);
    // Back to normal: the failure is forgotten.
    server.route(
      "/bad.xml",
      servesDocument(rssFeed("Bad", [item(2), item(3)]), "application/rss+xml"),
    );
    await fetch("2026-02-04T13:00:00Z", [bad]);
    expect(await ledger.store.source(bad)).toMatchObject({ failingSince: null, lastError: null });
    expect(await ledger.store.count()).toBe(3);
    expect(events.filter((e) => e.kind === "fetch-failed")).toHaveLength(2);
  });
});
