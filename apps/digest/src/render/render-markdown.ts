import type { Briefing } from "@briefing/core";
import { escapeMarkdown } from "./escape-markdown.js";
import {
  type Cited,
  type LayoutEntry,
  type LayoutOptions,
  type LayoutSource,
  type LayoutStoryline,
  layoutBriefing,
} from "./layout-briefing.js";

/** Options for {@link renderMarkdown}. */
export type RenderMarkdownOptions = Omit<LayoutOptions, "maxEntries">;

/**
 * A briefing as GitHub-flavoured Markdown: the headline as title, the lede, each storyline's
 * timeline by phase (date with its evidence, summary, footnote citations, corroboration and
 * disputes), the key actors with their aliases, the single-source and disputed claims, and the
 * sources as footnotes. Every piece of article text is escaped, so none can change the structure.
 * Minor single-source statements are left out of the timeline and counted.
 */
export function renderMarkdown(briefing: Briefing, options: RenderMarkdownOptions = {}): string {
  const layout = layoutBriefing(briefing, options);
  const lines: string[] = [`# ${escapeMarkdown(layout.headline)}`, ""];
  lines.push(`*${escapeMarkdown(layout.coverage)}*`, "");
  if (layout.lede.length > 0) lines.push(layout.lede.map(cited).join(" "), "");
  for (const storyline of layout.storylines) lines.push(...renderStoryline(storyline));
  if (layout.background.length > 0) {
    lines.push("## Background", "");
    for (const b of layout.background) lines.push(`- ${cited(b)}`);
    lines.push("");
  }
  if (layout.actors.length > 0) {
    lines.push("## Key actors", "");
    for (const a of layout.actors) {
      const aliases =
        a.aliases.length > 0 ? `; also ${a.aliases.map(escapeMarkdown).join(", ")}` : "";
      lines.push(`- **${escapeMarkdown(a.name)}** (${a.kind}${aliases})`);
    }
    lines.push("");
  }
  if (layout.claims.length > 0) {
    lines.push("## Single-source and disputed", "");
    for (const c of layout.claims)
      lines.push(`- ${escapeMarkdown(c.label)}, ${escapeMarkdown(c.when)}: ${cited(c)}`);
    if (layout.moreClaims > 0) lines.push(`- … and ${layout.moreClaims} more.`);
    lines.push("");
  }
  lines.push("## Sources", "");
  for (const s of layout.sources) lines.push(`[^${s.n}]: ${sourceLine(s)}`);
  if (layout.uncited.length > 0) {
    lines.push("", "Also read, with nothing cited above:", "");
    for (const s of layout.uncited) lines.push(`- ${sourceLine(s)}`);
  }
  if (layout.moreUncited > 0)
    lines.push(
      "",
      `Also read: ${layout.moreUncited} article${layout.moreUncited === 1 ? "" : "s"} with nothing cited above.`,
    );
  // What could not be read closes the briefing: it is about the input, not the news.
  if (layout.problems.length > 0) {
    lines.push("", "## Input problems", "");
    for (const p of layout.problems)
      lines.push(`- ${p.severity}: ${code(p.path)}: ${escapeMarkdown(p.message)}`);
  }
  return `${lines.join("\n")}\n`;
}

function renderStoryline(storyline: LayoutStoryline): string[] {
  const lines = [`## ${escapeMarkdown(storyline.headline)}`, ""];
  if (storyline.soFar.length > 0)
    lines.push(`*So far:* ${storyline.soFar.map(cited).join(" ")}`, "");
  for (const section of storyline.sections) {
    lines.push(`### ${escapeMarkdown(section.label)}`, "");
    for (const e of section.entries) lines.push(...renderEntry(e));
    lines.push("");
  }
  if (storyline.omitted > 0)
    lines.push(
      `*${storyline.omitted} further single-source statement${storyline.omitted === 1 ? "" : "s"} left out; \`--format json\` has every one.*`,
      "",
    );
  return lines;
}

function renderEntry(e: LayoutEntry): string[] {
  const lines = [`- **${escapeMarkdown(e.when)}**: ${cited(e)} *(${e.sources})*`];
  if (e.dateBasis) lines.push(`  - Dated ${escapeMarkdown(e.dateBasis)}`);
  for (const d of e.disputes)
    lines.push(`  - **Disputed** ${escapeMarkdown(d.about)}: ${d.claims.map(cited).join(" vs ")}`);
  return lines;
}

function cited(c: Cited): string {
  return `${escapeMarkdown(c.text)}${c.notes.map((n) => `[^${n}]`).join("")}`;
}

function sourceLine(s: LayoutSource): string {
  const parts = [
    s.publisher ? escapeMarkdown(s.publisher) : undefined,
    `“${escapeMarkdown(s.title)}”`,
    s.date ? escapeMarkdown(s.date) : undefined,
    s.url ? `<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>` : code(s.path ?? s.articleId),
  ];
  return parts.filter(Boolean).join(", ");
}

/** A path or id as inline code; backticks inside are replaced so the span cannot end early. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}
