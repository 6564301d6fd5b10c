import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "@briefing/core/ingest";
import { buildBriefing, readArticles } from "@briefing/summariser";
import { afterEach, describe, expect, it } from "vitest";
import { type Preview, startPreview } from "./start-preview.js";

const corpus = fileURLToPath(new URL("../../../../corpus/", import.meta.url));
const now = new Date("2026-11-21T07:00:00Z");

describe("startPreview", () => {
  let preview: Preview | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await preview?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("serves the email, text and Markdown views and renders again when the corpus changes", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefing-preview-"));
    copyFileSync(join(corpus, "002_29591d1282e59d19.txt"), join(dir, "002.txt"));
    const folder = dir;
    let builds = 0;
    preview = await startPreview({
      watch: [folder],
      port: 0,
      build: async () => {
        builds += 1;
        const read = await readArticles(await loadCorpus([folder]), { threads: 1 });
        return buildBriefing(read, { now, problems: read.problems });
      },
    });
    const get = async (path: string) => {
      const response = await fetch(new URL(path, preview?.url));
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        body: await response.text(),
      };
    };
    const index = await get("/");
    expect(index.body).toContain('src="/email.html" width="600"');
    expect(index.body).toContain('src="/email.html" width="375"');
    const html = await get("/email.html");
    expect(html.type).toBe("text/html; charset=utf-8");
    expect(html.body).toContain("No progress in informal talks between Taliban, opposition");
    expect((await get("/email.txt")).body).toContain(
      "Unsubscribe: https://example.invalid/unsubscribe",
    );
    expect((await get("/briefing.md")).body).toMatch(/^# /);
    expect((await get("/nothing")).status).toBe(404);
    expect(builds).toBe(1);

    writeFileSync(
      join(folder, "new.txt"),
      "Valley fighters reach a ceasefire\n\nMarch 3, 2022\n\nFighters in the Panjshir valley agreed a ceasefire on Wednesday, a spokesman said.\n",
    );
    // The watcher's event comes when it comes: wait for it, not for a budget.
    while (preview.version() === 0) await new Promise((r) => setTimeout(r, 50));
    expect(preview.version()).toBeGreaterThan(0);
    expect((await get("/briefing.md")).body).toContain("Valley fighters reach a ceasefire");
    expect(builds).toBe(2);
    expect(JSON.parse((await get("/version")).body)).toEqual({ version: preview.version() });
  });

  it("says which path it cannot watch", async () => {
    await expect(
      startPreview({
        watch: ["/no/such/folder"],
        port: 0,
        build: async () => Promise.reject(new Error("unused")),
      }),
    ).rejects.toThrow(/cannot watch \/no\/such\/folder/);
  });
});
