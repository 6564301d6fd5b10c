import type { Briefing } from "@briefing/core";
import { article, day, event, fixtureBriefing, timelineEntries } from "./fixture-briefing.js";

/** Pieces of hostile article text, each of which must come out inert and readable. */
export const HOSTILE = {
  script: "<script>alert('x')</script>Breaking",
  img: '<img src=x onerror="alert(1)"> shelling',
  mjml: "</mj-text><mj-raw><b>raw</b></mj-raw> talks",
  markdown: "# Not a heading | cell | [link](javascript:alert(1)) `code` *em* ~~del~~ --- ",
  longWord: "x".repeat(5000),
  rtl: "\u202Eevil\u202C مرحبا بالعالم שלום",
  emoji: "Ceasefire 🕊️🔥 agreed",
  slotMark: "\uF8FFunsubscribe\uF8FF",
} as const;

/**
 * A briefing whose article text is hostile everywhere renderers put it: headline, lede, summaries,
 * disputes, entity names, titles, publishers, URLs (`javascript:`) and paths.
 */
export function hostileBriefing(): Briefing {
  const base = fixtureBriefing();
  const h = HOSTILE;
  const e1 = event("h1", "talks", day("2021-08-25"), `${h.script} ${h.mjml}`, ["x1", "x2"]);
  const e2 = event("h2", "offensive", day("2021-09-01"), `${h.img} ${h.longWord}`, ["x2"], {
    disputed: [
      {
        about: h.markdown,
        claims: [
          { value: h.script, articleIds: ["x1"] },
          { value: h.emoji, articleIds: ["x2"] },
        ],
      },
    ],
  });
  const e3 = event(
    "h3",
    "agreement",
    day("2021-09-03"),
    `${h.rtl} ${h.emoji} ${h.markdown} ${h.slotMark}`,
    ["x1"],
  );
  return {
    ...base,
    headline: `${h.script} ${h.rtl}`,
    summary: [{ text: `${h.markdown} ${h.img}`, articleIds: ["x1"] }],
    timeline: timelineEntries("hs", [e1, e2, e3]),
    background: [{ text: `${h.script} ${h.rtl}`, articleIds: ["x2"] }],
    storylines: [
      {
        id: "hs",
        topic: h.mjml,
        headline: h.mjml,
        phases: [{ label: h.markdown, events: ["h1", "h2", "h3"] }],
        events: [e1, e2, e3],
      },
    ],
    entities: [{ id: "p", name: h.script, kind: "person", aliases: [h.img, h.rtl] }],
    caveats: [{ eventId: "h3", kind: "single-source", text: e3.summary, articleIds: ["x1"] }],
    articles: [
      article("x1", {
        title: `${h.script} ${h.longWord}`,
        publisher: h.img,
        url: "javascript:alert(1)",
      }),
      article("x2", {
        title: h.emoji,
        url: 'https://evil.example/"><script>alert(1)</script>',
        origins: [{ path: "corpus/`x`.txt", format: "text" }],
      }),
    ],
    problems: [{ path: "corpus/<b>.txt", message: h.markdown, severity: "warning" }],
  };
}
