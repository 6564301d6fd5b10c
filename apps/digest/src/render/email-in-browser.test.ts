/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Briefing } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { buildBriefing, readArticles } from "@briefing/summariser";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layoutBriefing } from "./layout-briefing.js";
import { renderEmail } from "./render-email.js";
import { CHROMIUM_ARGS, findChromium } from "./test-support/find-chromium.js";
import { hostileBriefing } from "./test-support/hostile-briefing.js";

const executablePath = findChromium();
const required = process.env.BRIEFING_REQUIRE_BROWSER === "1";
if (!executablePath && !required)
  console.warn(
    "email-in-browser: skipped, no Chromium found (install chromium or set CHROMIUM_PATH)",
  );

const artefacts = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const corpus = fileURLToPath(new URL("../../../../corpus/", import.meta.url));
const recipient = { name: "Ana", unsubscribeUrl: "https://list.example/unsubscribe?t=abc" };

describe.skipIf(!executablePath && !required)("the email in headless Chromium", () => {
  let browser: BrowserContext;
  let profile: string;
  const briefings: Record<string, Briefing> = {};

  beforeAll(async () => {
    if (!executablePath) throw new Error("BRIEFING_REQUIRE_BROWSER=1 but no Chromium was found");
    profile = mkdtempSync(join(tmpdir(), "briefing-chromium-"));
    mkdirSync(artefacts, { recursive: true });
    // A fresh profile: no cache, history or extension state from any earlier run.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: CHROMIUM_ARGS,
    });
    const read = await readArticles(await loadCorpus([corpus]), { threads: 1 });
    briefings.seed = buildBriefing(read, {
      now: new Date("2026-11-21T07:00:00Z"),
      problems: read.problems,
    });
    briefings.hostile = hostileBriefing();
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const name of ["seed", "hostile"])
    for (const width of [375, 600])
      for (const scheme of ["light", "dark"] as const)
        it(`${name} at ${width} px, ${scheme}: no overflow, every citation linked`, async () => {
          const briefing = briefings[name] as Briefing;
          const { html } = await renderEmail(briefing, { kicker: "Briefing digest", recipient });
          const page = await browser.newPage();
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          try {
            await page.setContent(html, { waitUntil: "load" });
            const view = await page.evaluate(() => ({
              scroll: document.documentElement.scrollWidth,
              inner: window.innerWidth,
              background: getComputedStyle(document.querySelector(".bf-card") as Element)
                .backgroundColor,
              hrefs: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
              ids: [...document.querySelectorAll("[id^=src-]")].map((e) => e.id),
            }));
            expect(view.scroll).toBeLessThanOrEqual(view.inner);
            expect(view.background).toBe(
              scheme === "dark" ? "rgb(26, 29, 33)" : "rgb(255, 255, 255)",
            );
            for (const source of layoutBriefing(briefing).sources) {
              if (source.url) expect(view.hrefs).toContain(new URL(source.url).href);
              else {
                expect(view.hrefs).toContain(`#src-${source.n}`);
                expect(view.ids).toContain(`src-${source.n}`);
              }
            }
            expect(view.hrefs).toContain(recipient.unsubscribeUrl);
            const [when, what] = await Promise.all([
              page.locator(".bf-when").first().boundingBox(),
              page.locator(".bf-what").first().boundingBox(),
            ]);
            if (!when || !what) throw new Error("no timeline entry on the page");
            if (width < 480) expect(what.y).toBeGreaterThanOrEqual(when.y + when.height - 1);
            else expect(what.x).toBeGreaterThan(when.x + when.width - 1);
            await page.screenshot({
              path: join(artefacts, `email-${name}-${width}-${scheme}.png`),
              fullPage: true,
            });
          } finally {
            await page.close();
          }
        });
});
