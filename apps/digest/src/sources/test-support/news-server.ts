import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** Answers one request; the path includes the query. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A request the server saw, and how many were being answered at the time. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage["headers"];
  /** Requests in flight when this one arrived, itself included. */
  concurrent: number;
  status?: number;
}

/**
 * A real HTTP server on 127.0.0.1 whose routes a test sets and changes between runs: it keeps
 * every request (headers and the status answered) and how many were in flight at once.
 */
export async function startNewsServer() {
  const routes = new Map<string, Handler>();
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const server = createServer(async (request, response) => {
    inFlight++;
    const seen: SeenRequest = {
      path: request.url ?? "/",
      headers: request.headers,
      concurrent: inFlight,
    };
    requests.push(seen);
    response.on("close", () => {
      inFlight--;
      seen.status = response.statusCode;
    });
    const handler = routes.get(seen.path);
    if (!handler) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    try {
      await handler(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500).end();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    /** Sets (or replaces) what a path answers. */
    route(path: string, handler: Handler) {
      routes.set(path, handler);
    },
    /** Requests for a path, in order. */
    seen(path: string): SeenRequest[] {
      return requests.filter((r) => r.path === path);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * Serves a document with an ETag and Last-Modified, answering 304 to a request that already has
 * this version (If-None-Match), as a well-behaved feed server does.
 */
export function servesDocument(body: string, contentType: string, lastModified?: Date): Handler {
  const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
  return (request, response) => {
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response
      .writeHead(200, {
        "content-type": contentType,
        etag,
        ...(lastModified ? { "last-modified": lastModified.toUTCString() } : {}),
      })
      .end(body);
  };
}

/** One item of an RSS feed. */
export interface FeedItem {
  guid: string;
  title: string;
  link: string;
  /** RFC 822 or ISO date. */
  date: string;
  description: string;
}

/** An RSS 2.0 document of these items. */
export function rssFeed(title: string, items: readonly FeedItem[]): string {
  const xml = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${xml(title)}</title><link>https://news.example/</link><description>News</description>`,
    ...items.map(
      (i) =>
        `<item><guid isPermaLink="false">${xml(i.guid)}</guid><title>${xml(i.title)}</title><link>${xml(i.link)}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${xml(i.description)}</description></item>`,
    ),
    "</channel></rss>",
  ].join("\n");
}

/** An article page as a news site serves it: the story in <article>, furniture around it. */
export function articlePage(title: string, date: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="${date}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article>
<footer>© News Example</footer></body></html>`;
}
