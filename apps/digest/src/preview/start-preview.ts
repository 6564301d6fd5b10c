import { type FSWatcher, watch } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Briefing } from "@briefing/core";
import { escapeHtml } from "../render/escape-html.js";
import { renderEmail } from "../render/render-email.js";
import { renderMarkdown } from "../render/render-markdown.js";

/** Options for {@link startPreview}. */
export interface PreviewOptions {
  /** Files and folders to watch; any change in them renders the briefing again. */
  watch: string[];
  /** Reads the corpus and builds its briefing; called again after each change. */
  build: () => Promise<Briefing>;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Called after each change is noticed, with the new version number. */
  onChange?: (version: number) => void;
}

/** A running preview server. */
export interface Preview {
  url: string;
  /** Goes up by one each time a change in the corpus is noticed. */
  version: () => number;
  close: () => Promise<void>;
}

interface Views {
  html: string;
  text: string;
  markdown: string;
}

/**
 * Serves the rendered email on localhost: `/` shows it at 600 and 375 px side by side with links to
 * the HTML (`/email.html`), plain-text (`/email.txt`) and Markdown (`/briefing.md`) views. Changes
 * in the watched paths render it again, and the page reloads itself.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  let version = 0;
  let views: { version: number; result: Promise<Views> } | undefined;
  const current = () => {
    if (views?.version !== version) views = { version, result: renderViews(options.build) };
    return views.result;
  };
  const watchers = await watchPaths(options.watch, () => {
    version += 1;
    options.onChange?.(version);
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/version")
      return send(response, 200, "application/json", JSON.stringify({ version }));
    if (path === "/") return send(response, 200, "text/html", indexPage(version));
    const view = (
      { "/email.html": "html", "/email.txt": "text", "/briefing.md": "markdown" } as const
    )[path];
    if (!view) return send(response, 404, "text/plain", `no such view: ${path}\n`);
    current().then(
      (v) => send(response, 200, view === "html" ? "text/html" : "text/plain", v[view]),
      (error: unknown) =>
        send(
          response,
          500,
          "text/plain",
          `could not render the briefing: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    version: () => version,
    close: async () => {
      for (const w of watchers) w.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function renderViews(build: () => Promise<Briefing>): Promise<Views> {
  const briefing = await build();
  const email = await renderEmail(briefing, {
    reason: "This is a preview of the email, rendered by briefing preview.",
    recipient: { name: "Reader", unsubscribeUrl: "https://example.invalid/unsubscribe" },
  });
  return { html: email.html, text: email.text, markdown: renderMarkdown(briefing) };
}

/** Watches each path (folders recursively), calling `changed` at most once per 150 ms burst. */
async function watchPaths(paths: string[], changed: () => void): Promise<FSWatcher[]> {
  let timer: NodeJS.Timeout | undefined;
  const notice = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, 150);
  };
  const watchers: FSWatcher[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((cause: Error) => {
      throw new Error(`cannot watch ${path}: ${cause.message}`, { cause });
    });
    const recursive = info.isDirectory();
    watchers.push(watch(path, { recursive }, notice));
  }
  return watchers;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "cache-control": "no-store",
  });
  response.end(body);
}

function indexPage(version: number): string {
  const frame = (width: number) =>
    `<figure><figcaption>${width} px</figcaption><iframe sandbox="allow-popups" title="Email at ${width} px" src="/email.html" width="${width}" height="900"></iframe></figure>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Briefing preview</title>
<style>body{font:14px system-ui,sans-serif;margin:16px;background:#f3f4f6}nav a{margin-right:12px}main{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}iframe{border:1px solid #ccc;background:#fff}figure{margin:0}</style>
</head><body>
<nav>${escapeHtml("Briefing preview")}: <a href="/email.html">HTML</a><a href="/email.txt">Text</a><a href="/briefing.md">Markdown</a><span id="status"></span></nav>
<main>${frame(600)}${frame(375)}</main>
<script>
let seen = ${version};
setInterval(async () => {
  const { version } = await fetch("/version").then((r) => r.json());
  if (version !== seen) { seen = version; for (const f of document.querySelectorAll("iframe")) f.src = f.src; }
}, 1000);
</script>
</body></html>
`;
}
