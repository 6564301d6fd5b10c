import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { type FetchDocumentOptions, fetchDocument } from "./fetch-document.js";
import { HostLimiter } from "./host-limiter.js";
import { servesDocument, startNewsServer } from "./test-support/news-server.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function server() {
  const s = await startNewsServer();
  cleanups.push(s.close);
  return s;
}

const OPTIONS: FetchDocumentOptions = {
  userAgent: "Briefing/0.1 (news digests; +desk@news.example)",
  timeoutMs: 5000,
  maxBytes: 64 * 1024,
  maxRedirects: 3,
};

describe("fetchDocument against a real HTTP server", () => {
  it("sends its User-Agent, keeps the validators, and gets a 304 when nothing changed", async () => {
    const s = await server();
    s.route("/feed.xml", servesDocument("<rss/>", "application/rss+xml", new Date(0)));
    const first = await fetchDocument(`${s.url}/feed.xml`, OPTIONS);
    expect(first).toMatchObject({ kind: "document", text: "<rss/>" });
    if (first.kind !== "document") return;
    expect(first.validators.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.validators.lastModified).toBe(new Date(0).toUTCString());
    const second = await fetchDocument(`${s.url}/feed.xml`, { ...OPTIONS, ...first.validators });
    expect(second).toEqual({ kind: "not-modified", url: `${s.url}/feed.xml` });
    const [a, b] = s.seen("/feed.xml");
    expect(a?.headers["user-agent"]).toBe(OPTIONS.userAgent);
    expect(a?.headers["if-none-match"]).toBeUndefined();
    expect(b?.headers["if-none-match"]).toBe(first.validators.etag);
    expect(b?.headers["if-modified-since"]).toBe(new Date(0).toUTCString());
    expect(b?.status).toBe(304);
  });

  it("reads a gzip body and a declared charset", async () => {
    const s = await server();
    s.route("/gz", (_req, res) => {
      res
        .writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" })
        .end(gzipSync(Buffer.from("Compressed news, café.")));
    });
    s.route("/latin1", (_req, res) => {
      res
        .writeHead(200, { "content-type": "text/plain; charset=iso-8859-1" })
        .end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    });
    expect(await fetchDocument(`${s.url}/gz`, OPTIONS)).toMatchObject({
      text: "Compressed news, café.",
    });
    expect(await fetchDocument(`${s.url}/latin1`, OPTIONS)).toMatchObject({ text: "café" });
    expect(s.seen("/gz")[0]?.headers["accept-encoding"]).toMatch(/gzip/);
  });

  it("says why when the server fails, stalls, loops, redirects too often or sends too much", async () => {
    const s = await server();
    s.route("/500", (_req, res) => void res.writeHead(500).end("boom"));
    s.route("/slow", () => {
      // Never answers: the timeout must end it.
    });
    s.route("/a", (_req, res) => void res.writeHead(302, { location: "/b" }).end());
    s.route("/b", (_req, res) => void res.writeHead(301, { location: "/a" }).end());
    for (let i = 0; i < 5; i++)
      s.route(
        `/hop${i}`,
        (_req, res) => void res.writeHead(302, { location: `/hop${i + 1}` }).end(),
      );
    s.route("/big", (_req, res) => void res.writeHead(200).end("x".repeat(100 * 1024)));
    s.route("/big-chunked", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 100; i++) res.write("y".repeat(1024));
      res.end();
    });
    s.route("/ftp", (_req, res) => void res.writeHead(302, { location: "ftp://x.example/" }).end());
    const reason = async (path: string, options: Partial<FetchDocumentOptions> = {}) => {
      const answer = await fetchDocument(`${s.url}${path}`, { ...OPTIONS, ...options });
      return answer.kind === "failed" ? answer.reason : answer.kind;
    };
    expect(await reason("/500")).toBe("HTTP 500 Internal Server Error");
    expect(await reason("/slow", { timeoutMs: 300 })).toBe("no complete answer within 300 ms");
    expect(await reason("/a")).toBe(`a redirect loop (${s.url}/a again)`);
    expect(await reason("/hop0")).toBe("more than 3 redirects");
    expect(await reason("/big")).toBe(`a body larger than ${64 * 1024} bytes`);
    expect(await reason("/big-chunked")).toBe(`a body larger than ${64 * 1024} bytes`);
    expect(await reason("/ftp")).toBe("a redirect to ftp: (only http and https are fetched)");
    expect(await reason("/missing")).toBe("HTTP 404 Not Found");
    const closed = await startNewsServer();
    await closed.close();
    expect(await fetchDocument(`${closed.url}/feed`, OPTIONS)).toEqual({
      kind: "failed",
      reason: "ECONNREFUSED",
    });
  });

  it("sends a URL's credentials as Basic authorization, to their origin only", async () => {
    const s = await server();
    const other = await server();
    s.route("/private.xml", (req, res) => {
      const ok =
        req.headers.authorization === `Basic ${Buffer.from("desk:pa ss").toString("base64")}`;
      res.writeHead(ok ? 200 : 401).end(ok ? "members only" : "");
    });
    s.route("/away", (_req, res) => void res.writeHead(302, { location: `${other.url}/x` }).end());
    other.route("/x", servesDocument("elsewhere", "text/plain"));
    const withCredentials = (path: string) =>
      s.url.replace("http://", "http://desk:pa%20ss@") + path;
    expect(await fetchDocument(withCredentials("/private.xml"), OPTIONS)).toMatchObject({
      text: "members only",
    });
    expect(await fetchDocument(withCredentials("/away"), OPTIONS)).toMatchObject({
      text: "elsewhere",
    });
    expect(s.seen("/away")[0]?.headers.authorization).toMatch(/^Basic /);
    expect(other.seen("/x")[0]?.headers.authorization).toBeUndefined();
  });

  it("follows a redirect and reports where it ended", async () => {
    const s = await server();
    s.route("/old", (_req, res) => void res.writeHead(301, { location: "/new" }).end());
    s.route("/new", servesDocument("moved", "text/plain"));
    expect(await fetchDocument(`${s.url}/old`, OPTIONS)).toMatchObject({
      kind: "document",
      url: `${s.url}/new`,
      text: "moved",
    });
  });
});

describe("HostLimiter", () => {
  it("runs at most two requests at a time to one host, and all of them", async () => {
    const s = await server();
    const release: (() => void)[] = [];
    s.route("/hold", async (_req, res) => {
      await new Promise<void>((done) => release.push(done));
      res.writeHead(200).end("ok");
    });
    const limiter = new HostLimiter(2);
    const all = Promise.all(
      Array.from({ length: 5 }, () =>
        limiter.run(s.url, () => fetchDocument(`${s.url}/hold`, OPTIONS)),
      ),
    );
    // Let each request in flight go only once the server holds two: none beyond two arrives.
    let answered = 0;
    while (answered < 5) {
      await expect.poll(() => release.length).toBeGreaterThan(0);
      release.shift()?.();
      answered++;
    }
    expect((await all).every((r) => r.kind === "document")).toBe(true);
    expect(Math.max(...s.seen("/hold").map((r) => r.concurrent))).toBe(2);
  });
});
