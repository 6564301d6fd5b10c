import type { Briefing } from "@briefing/core";
import { cleanText } from "./clean-text.js";
import {
  type BriefingLayout,
  type Cited,
  type LayoutOptions,
  type LayoutSource,
  layoutBriefing,
} from "./layout-briefing.js";
import { wrapText } from "./wrap-text.js";

/** Options for {@link renderText}. */
export type RenderTextOptions = LayoutOptions;

/** What an email adds around the briefing's text: lines placed verbatim. */
export interface TextFrame {
  /** Put before the lede's first line (a greeting, ending in its own line breaks). */
  opening?: string;
  /** Paragraph after the timeline (why entries were left out). */
  afterTimeline?: string;
  /** Lines of the footer, after a `-- ` signature separator. */
  footer?: string[];
}

/**
 * A briefing as plain text, 76 columns wide, for the text part of an email or a terminal: the
 * same sections as the Markdown, citations as `[n]` and every source's URL (or file) on a line of
 * its own, so links survive any mail client.
 */
export function renderText(briefing: Briefing, options: RenderTextOptions = {}): string {
  return textOfLayout(layoutBriefing(briefing, options));
}

/** The plain text of an already laid-out briefing, inside an optional frame. */
export function textOfLayout(layout: BriefingLayout, frame: TextFrame = {}): string {
  const out: string[] = [...heading(layout.headline, "="), ...para(layout.coverage), ""];
  const lede = layout.lede.length > 0 ? para(layout.lede.map(cited).join(" ")) : [];
  if (frame.opening) lede[0] = frame.opening + (lede[0] ?? "");
  if (lede.length > 0) out.push(...lede, "");
  for (const storyline of layout.storylines) {
    if (!storyline.repeatsHeadline) out.push(...heading(storyline.headline, "-"), "");
    if (storyline.soFar.length > 0)
      out.push(...para(`So far: ${storyline.soFar.map(cited).join(" ")}`), "");
    for (const section of storyline.sections) {
      out.push(cleanText(section.label).toUpperCase(), "");
      for (const e of section.entries) {
        out.push(...wrapText(`${cleanText(e.when)} (${e.sources})`, { first: "* " }));
        out.push(...para(cited(e), "  "));
        if (e.dateBasis) out.push(...para(`Dated ${cleanText(e.dateBasis)}`, "  "));
        for (const d of e.disputes)
          out.push(
            ...para(`Disputed ${cleanText(d.about)}: ${d.claims.map(cited).join(" vs ")}`, "  "),
          );
        out.push("");
      }
    }
    if (storyline.omitted > 0)
      out.push(
        ...para(
          `${storyline.omitted} further single-source statement${storyline.omitted === 1 ? "" : "s"} left out.`,
        ),
        "",
      );
  }
  if (frame.afterTimeline) out.push(frame.afterTimeline, "");
  if (layout.background.length > 0) {
    out.push(...heading("Background", "-"), "");
    for (const b of layout.background) out.push(...wrapText(cited(b), { first: "* " }));
    out.push("");
  }
  if (layout.claims.length > 0 || layout.singleSourceNote) {
    out.push(...heading("Single-source and disputed", "-"), "");
    for (const c of layout.claims)
      out.push(
        ...wrapText(`${cleanText(c.label)}, ${cleanText(c.when)}: ${cited(c)}`, { first: "* " }),
      );
    if (layout.moreClaims > 0) out.push(`* ... and ${layout.moreClaims} more.`);
    if (layout.singleSourceNote) out.push(...para(layout.singleSourceNote));
    out.push("");
  }
  if (layout.actors.length > 0) {
    out.push(...heading("Key actors", "-"), "");
    for (const a of layout.actors) {
      const aliases = a.aliases.length > 0 ? `; also ${a.aliases.map(cleanText).join(", ")}` : "";
      out.push(...wrapText(`${cleanText(a.name)} (${a.kind}${aliases})`, { first: "* " }));
    }
    out.push("");
  }
  out.push(...heading("Sources", "-"), "");
  for (const s of layout.sources) out.push(...source(s, `[${s.n}] `));
  if (layout.uncited.length > 0) {
    out.push("", "Also read, with nothing cited above:", "");
    for (const s of layout.uncited) out.push(...source(s, "* "));
  }
  if (layout.moreUncited > 0)
    out.push(
      "",
      `Also read: ${layout.moreUncited} article${layout.moreUncited === 1 ? "" : "s"} with nothing cited above.`,
    );
  // What could not be read closes the briefing: it is about the input, not the news.
  if (layout.problems.length > 0) {
    out.push("", ...heading("Input problems", "-"), "");
    for (const p of layout.problems)
      out.push(
        ...wrapText(`${p.severity}: ${cleanText(p.path)}: ${cleanText(p.message)}`, {
          first: "* ",
        }),
      );
  }
  if (frame.footer && frame.footer.length > 0) out.push("", "-- ", ...frame.footer);
  return `${out.join("\n")}\n`;
}

function heading(text: string, rule: "=" | "-"): string[] {
  const lines = wrapText(cleanText(text));
  const width = Math.max(...lines.map((l) => [...l].length));
  return [...lines, rule.repeat(width)];
}

function para(text: string, indent = ""): string[] {
  return wrapText(text, { first: indent });
}

function cited(c: Cited): string {
  return `${cleanText(c.text)}${c.notes.map((n) => ` [${n}]`).join("")}`;
}

/** A source's description, then its link alone on the next line so it is never wrapped. */
function source(s: LayoutSource, first: string): string[] {
  const parts = [s.publisher, `"${s.title}"`, s.date]
    .filter(Boolean)
    .map((p) => cleanText(p as string));
  const indent = " ".repeat(first.length);
  const where = cleanText(s.url ?? s.path ?? s.articleId);
  return [...wrapText(parts.join(", "), { first, indent }), `${indent}${where}`];
}
