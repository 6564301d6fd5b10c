import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../cli/io.js";
import { runMain } from "../cli/run-main.js";
import { digestFixture, RIVERTON_STORIES } from "../digest/test-support/digest-fixture.js";
import { startSmtpSink } from "../digest/test-support/smtp-sink.js";
import { CHROMIUM_ARGS, findChromium } from "../render/test-support/find-chromium.js";
import { Ledger } from "../state/ledger.js";
import { serveCommand } from "./serve.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function io(dir: string): CliIo & { err: string } {
  const captured = {
    err: "",
    cwd: dir,
    now: () => new Date(),
    env: {},
    stdout: () => {},
    stderr: (t: string) => {
      captured.err += t;
    },
  };
  return captured;
}

/** A digest sent to a real SMTP server, and `briefing serve` on a free port. */
async function sentAndServed(recipients: string[]) {
  const sink = await startSmtpSink();
  cleanups.push(sink.close);
  const fixture = digestFixture({
    transport: sink.url,
    recipients,
    stories: RIVERTON_STORIES,
  });
  cleanups.push(() => rmSync(fixture.dir, { recursive: true, force: true }));
  const runDue = (now: string) =>
    runMain(["run-due", "--config", fixture.config, "--now", now], io(fixture.dir));
  expect(await runDue("2026-01-10T08:00:00Z")).toBe(0);
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const served = io(fixture.dir);
  const base = await new Promise<string>((resolve, reject) => {
    serveCommand(
      { config: fixture.config, host: "127.0.0.1", port: "0" },
      served,
      stopped,
      resolve,
    ).catch(reject);
  });
  cleanups.push(stop);
  /** The recipient's List-Unsubscribe URL, on the local server. */
  const linkOf = (address: string) => {
    const mail = sink.received.find((r) => r.to.includes(address))?.mail;
    const header = mail?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const url = /<(https:[^>]+)>/.exec(header.replace(/\s+/g, ""))?.[1];
    if (!url) throw new Error(`no List-Unsubscribe URL for ${address}`);
    const { pathname, search } = new URL(url);
    return new URL(`${pathname}${search}`, base).href;
  };
  const ledger = () => {
    const l = new Ledger(join(fixture.dir, ".briefing/state.db"));
    cleanups.push(() => l.close());
    return l;
  };
  return { sink, fixture, base, served, linkOf, ledger, runDue };
}

const oneClick = (url: string, body = "List-Unsubscribe=One-Click") =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });

describe("briefing serve", () => {
  it("honours RFC 8058 one-click POSTs, refuses forged, altered and malformed ones", async () => {
    const { linkOf, ledger, runDue, sink, served } = await sentAndServed([
      "ana@example.org",
      "Bo Li <bo@example.org>",
    ]);
    const link = linkOf("bo@example.org");
    // A GET never unsubscribes: mail scanners follow links.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect(await ledger().isUnsubscribed("riverton", "bo@example.org")).toBe(false);

    // Bo's signature on Ana's name, and a made-up signature on Bo's.
    const other = Buffer.from("riverton\nana@example.org").toString("base64url");
    const altered = link.replace(/t=[\w-]+\./, `t=${other}.`);
    expect((await oneClick(altered)).status).toBe(403);
    expect((await oneClick(link.replace(/\.[\w-]+$/, ".AAAAAAAAAAAAAAAAAAAAAA"))).status).toBe(403);
    expect((await oneClick(link, "List-Unsubscribe=Yes")).status).toBe(400);
    expect((await fetch(link, { method: "POST" })).status).toBe(400);
    expect((await oneClick(link.replace(/t=[^&]+/, ""))).status).toBe(400);
    expect(await ledger().isUnsubscribed("riverton", "ana@example.org")).toBe(false);

    const done = await oneClick(link);
    expect(done.status).toBe(200);
    expect(done.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await ledger().isUnsubscribed("riverton", "bo@example.org")).toBe(true);
    expect((await oneClick(link)).status).toBe(200);
    expect(served.err).toContain("riverton: bo@example.org unsubscribed (one-click)");

    expect(await runDue("2026-01-11T08:00:00Z")).toBe(0);
    expect(sink.perRecipient()).toEqual({ "ana@example.org": 2, "bo@example.org": 1 });
  });

  it("serves the archive newest first, the HTML that was sent without anyone's data", async () => {
    const { base, runDue } = await sentAndServed(["Ana Lima <ana@example.org>"]);
    expect(await runDue("2026-01-11T08:00:00Z")).toBe(0);
    const index = await fetch(new URL("/digests/riverton/", base));
    expect(index.status).toBe(200);
    const listing = await index.text();
    const links = [...listing.matchAll(/<a href="(\d+)">/g)].map((m) => Number(m[1]));
    expect(links).toHaveLength(2);
    expect(links[0]).toBeGreaterThan(links[1] as number);
    const issue = await fetch(new URL(`/digests/riverton/${links[0]}`, base));
    expect(issue.status).toBe(200);
    const html = await issue.text();
    expect(html).toContain("prefers-color-scheme: dark");
    expect(html).not.toMatch(/Ana Lima|ana@example\.org|unsubscribe\?t=/);
    expect((await fetch(new URL("/digests/nope/", base))).status).toBe(404);
    expect((await fetch(new URL("/digests/riverton/999", base))).status).toBe(404);
  });

  const executablePath = findChromium();
  const required = process.env.BRIEFING_REQUIRE_BROWSER === "1";
  it.skipIf(!executablePath && !required)(
    "shows a confirmation page whose button unsubscribes, in headless Chromium",
    async () => {
      if (!executablePath) throw new Error("BRIEFING_REQUIRE_BROWSER=1 but no Chromium was found");
      const { linkOf, ledger } = await sentAndServed(["ana@example.org"]);
      const profile = mkdtempSync(join(tmpdir(), "briefing-chromium-"));
      const browser = await chromium.launchPersistentContext(profile, {
        executablePath,
        args: CHROMIUM_ARGS,
      });
      cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
      cleanups.push(() => browser.close());
      const page = await browser.newPage();
      const response = await page.goto(linkOf("ana@example.org"));
      expect(response?.status()).toBe(200);
      expect(await page.textContent("h1")).toContain("Unsubscribe from “riverton”?");
      expect(await ledger().isUnsubscribed("riverton", "ana@example.org")).toBe(false);
      await Promise.all([page.waitForURL(/unsubscribe/), page.click("button")]);
      await page.waitForSelector("#done");
      expect(await page.textContent("#done")).toBe("You are unsubscribed");
      expect(await ledger().isUnsubscribed("riverton", "ana@example.org")).toBe(true);
    },
  );
});
