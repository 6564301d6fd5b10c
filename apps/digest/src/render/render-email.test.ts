import type { Briefing } from "@briefing/core";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { compileEmail } from "./compile-email.js";
import { RenderError } from "./errors.js";
import { personaliseEmail } from "./personalise-email.js";
import { renderEmail } from "./render-email.js";
import {
  article,
  day,
  event,
  fixtureBriefing,
  timelineEntries,
} from "./test-support/fixture-briefing.js";

describe("renderEmail", () => {
  it("renders a responsive email with dark mode, a preheader and every citation", async () => {
    const email = await renderEmail(fixtureBriefing(), {
      kicker: "Valley daily",
      recipient: { name: "Ana", unsubscribeUrl: "https://list.example/u?t=abc" },
    });
    expect(email.subject).toBe("Valley: talks to offensive");
    expect(email.preheader).toBe("Delegations met in Charikar for talks.");
    const { document } = parseHTML(email.html);
    expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute("content")).toBe(
      "light dark",
    );
    expect(email.html).toContain("prefers-color-scheme: dark");
    expect(email.html).toMatch(/@media only screen and \(max-width: 480px\)/);
    expect(document.querySelector("title")?.textContent).toBe("Valley: talks to offensive");
    const hrefs = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("https://one.example/talks?id=1&lang=en");
    expect(hrefs).toContain("https://two.example/a2");
    expect(hrefs).toContain("#src-3");
    expect(document.getElementById("src-3")?.textContent).toContain("corpus/a3.txt");
    expect(hrefs).toContain("https://list.example/u?t=abc");
    const body = document.body.textContent ?? "";
    for (const text of [
      "Valley daily",
      "Hello Ana,",
      "Fighting spread",
      "Disputed killed",
      "National Resistance Front",
    ])
      expect(body).toContain(text);
    expect(body).toContain("You receive this briefing because");
    // Single-source claims are counted, not listed again: the timeline marks each.
    expect(body).toContain("2 entries rest on a single source");
    expect(body).not.toContain("Single source, Sun 29 Aug 2021");
  });

  it("builds the text part from the model, links kept", async () => {
    const { text } = await renderEmail(fixtureBriefing(), {
      reason: "You subscribed to the Valley digest.",
      recipient: { name: "Ana", unsubscribeUrl: "https://list.example/u?t=abc" },
    });
    expect(text).toContain("Hello Ana,\n\nDelegations met in Charikar for talks. [1] [2]");
    expect(text).toContain(
      '[2] Daily One, "Title a1", Mon 6 Sep 2021\n    https://one.example/talks?id=1&lang=en',
    );
    expect(text).toMatch(
      /-- \nYou subscribed to the Valley digest.\nUnsubscribe: https:\/\/list\.example\/u\?t=abc\n/,
    );
  });

  it("compiles once and personalises by filling slots", async () => {
    const compiled = await compileEmail(fixtureBriefing());
    expect(compiled.html.slots).toEqual(["greeting", "unsubscribe"]);
    const a = personaliseEmail(compiled, { name: "Ana", unsubscribeUrl: "https://l.example/a" });
    const b = personaliseEmail(compiled, {
      name: "Bo & <Co>",
      unsubscribeUrl: "mailto:u@l.example?subject=x",
    });
    expect(a.html).toContain("Hello Ana,");
    expect(b.html).toContain("Hello Bo &amp; &lt;Co&gt;,");
    expect(b.html).toContain('href="mailto:u@l.example?subject=x"');
    const strip = (html: string) =>
      html.replace(
        /<p style="margin:0 0 12px;">.*?<\/p>|<a href="[^"]*" style="color:#0a58b0;">Unsubscribe<\/a>\./g,
        "",
      );
    expect(strip(a.html)).toBe(strip(b.html));
    const none = personaliseEmail(compiled);
    expect(none.html).not.toContain("Unsubscribe");
    expect(none.text).not.toContain("Hello");
  });

  it("refuses an unsubscribe link that is not a web or mailto address", async () => {
    const compiled = await compileEmail(fixtureBriefing());
    expect(() => personaliseEmail(compiled, { unsubscribeUrl: "javascript:alert(1)" })).toThrow(
      RenderError,
    );
    expect(() => personaliseEmail(compiled, { unsubscribeUrl: "javascript:alert(1)" })).toThrow(
      /unsubscribe link: expected an http, https or mailto URL .* found "javascript:alert\(1\)"/,
    );
  });

  it("is deterministic", async () => {
    const one = await renderEmail(fixtureBriefing());
    const two = await renderEmail(fixtureBriefing());
    expect(two).toEqual(one);
  });

  it("stays under the size budget by leaving out the least important entries, and says so", async () => {
    const big = bigBriefing(400);
    const email = await renderEmail(big, {
      fullBriefingUrl: "https://briefs.example/full",
      recipient: {
        name: "A".repeat(200),
        unsubscribeUrl: `https://l.example/u?t=${"t".repeat(900)}`,
      },
    });
    const bytes = Buffer.byteLength(email.html, "utf8");
    expect(bytes).toBeLessThanOrEqual(100_000);
    expect(bytes).toBeGreaterThan(80_000);
    const compiled = await compileEmail(big, { fullBriefingUrl: "https://briefs.example/full" });
    expect(compiled.collapsed).toBeGreaterThan(0);
    expect(email.html).toMatch(
      new RegExp(`${compiled.collapsed} less important entries are left out`),
    );
    expect(email.html).toContain('href="https://briefs.example/full"');
    expect(email.text).toContain(
      `${compiled.collapsed} less important entries are left out of this email`,
    );
    // The most important event (ranked first: the newest here) is kept, the least left out.
    expect(email.html).toContain("Report number 399 ");
    expect(email.html).not.toContain("Report number 0 ");
  });
});

/** A briefing of `n` corroborated events on successive days, each cited by its own article. */
function bigBriefing(n: number): Briefing {
  const base = fixtureBriefing();
  const events = Array.from({ length: n }, (_, i) => {
    const iso = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    return event(
      `b${i}`,
      "offensive",
      day(iso),
      `Report number ${i} of fighting in the district, with enough words to look like a sentence of news.`,
      [`n${i}`, `m${i}`],
    );
  });
  return {
    ...base,
    // Ranked newest first.
    timeline: timelineEntries("big", [...events].reverse()),
    background: [],
    storylines: [
      {
        id: "big",
        topic: "Valley",
        headline: "Valley",
        phases: [{ label: "offensive", events: events.map((e) => e.id) }],
        events,
      },
    ],
    caveats: [],
    articles: events.flatMap((_, i) => [
      article(`n${i}`, { url: `https://news.example/story/${i}` }),
      article(`m${i}`, { url: `https://other.example/story/${i}` }),
    ]),
  };
}
