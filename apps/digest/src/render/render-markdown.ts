import {
  type Article,
  type Briefing,
  describeDate,
  type Event,
  formatDateRange,
  type Storyline,
} from "@briefing/core";
import { escapeMarkdown } from "./escape-markdown.js";

/** Options for {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Most key actors listed. Default 12. */
  maxActors?: number;
  /** Most single-source and disputed claims listed. Default 20. */
  maxClaims?: number;
}

const MINOR = new Set(["statement", "other"]);

/**
 * A briefing as GitHub-flavoured Markdown: the headline as title, the lede, each storyline's
 * timeline by phase (date with its evidence, summary, footnote citations, corroboration and
 * disputes), the key actors with their aliases, the single-source and disputed claims, and the
 * sources as footnotes. Every piece of article text is escaped, so none can change the structure.
 * Minor single-source statements are left out of the timeline and counted.
 */
export function renderMarkdown(briefing: Briefing, options: RenderMarkdownOptions = {}): string {
  const articles = new Map(briefing.articles.map((a) => [a.id, a]));
  const notes = new Map<string, number>();
  const cite = (articleIds: readonly string[]) =>
    [...new Set(articleIds)]
      .map((id) => {
        if (!notes.has(id)) notes.set(id, notes.size + 1);
        return `[^${notes.get(id)}]`;
      })
      .join("");
  const lines: string[] = [`# ${escapeMarkdown(briefing.headline)}`, ""];
  lines.push(`*${escapeMarkdown(coverage(briefing))}*`, "");
  if (briefing.summary.length > 0) {
    lines.push(
      briefing.summary.map((s) => `${escapeMarkdown(s.text)}${cite(s.articleIds)}`).join(" "),
      "",
    );
  }
  for (const storyline of briefing.storylines) lines.push(...renderStoryline(storyline, cite));
  lines.push(...renderActors(briefing, options.maxActors ?? 12));
  lines.push(...renderClaims(briefing, cite, options.maxClaims ?? 20));
  if (briefing.problems.length > 0) {
    lines.push("## Input problems", "");
    for (const p of briefing.problems)
      lines.push(`- ${p.severity}: \`${p.path.replace(/`/g, "'")}\`: ${escapeMarkdown(p.message)}`);
    lines.push("");
  }
  lines.push("## Sources", "");
  for (const [id, n] of notes) lines.push(`[^${n}]: ${sourceLine(articles.get(id), id)}`);
  const uncited = briefing.articles.filter((a) => !notes.has(a.id));
  if (uncited.length > 0) {
    lines.push("", "Also read, with nothing cited above:", "");
    for (const a of uncited) lines.push(`- ${sourceLine(a, a.id)}`);
  }
  return `${lines.join("\n")}\n`;
}

function coverage(briefing: Briefing): string {
  const days = briefing.storylines
    .flatMap((s) => s.events)
    .filter((e) => e.date.start && e.date.end && e.date.precision !== "year")
    .flatMap((e) => [e.date.start as string, e.date.end as string])
    .sort();
  const period =
    days.length > 0
      ? `, events from ${formatDateRange({ start: days[0] as string, end: days[0] as string })} to ${formatDateRange({ start: days.at(-1) as string, end: days.at(-1) as string })}`
      : "";
  const count = briefing.articles.length;
  return `Briefing of ${count} article${count === 1 ? "" : "s"}${period}. Generated ${briefing.generatedAt.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC")}.`;
}

function renderStoryline(storyline: Storyline, cite: (ids: readonly string[]) => string): string[] {
  const byId = new Map(storyline.events.map((e) => [e.id, e]));
  const lines = [`## ${escapeMarkdown(storyline.headline)}`, ""];
  const shown = (e: Event) => !MINOR.has(e.kind) || e.corroboration > 1;
  const placed = new Set<string>();
  let omitted = 0;
  for (const phase of storyline.phases ?? []) {
    const events = phase.events
      .map((id) => byId.get(id))
      .filter((e): e is Event => e !== undefined);
    for (const e of events) placed.add(e.id);
    const visible = events.filter(shown);
    omitted += events.length - visible.length;
    if (visible.length === 0) continue;
    lines.push(`### ${escapeMarkdown(capitalise(phase.label))}`, "");
    for (const e of visible) lines.push(...renderEvent(e, cite));
    lines.push("");
  }
  const rest = storyline.events.filter((e) => !placed.has(e.id));
  const dated = rest.filter((e) => e.date.start !== null && shown(e));
  const undated = rest.filter((e) => e.date.start === null && shown(e));
  omitted += rest.length - dated.length - undated.length;
  if (dated.length > 0) {
    lines.push("### Background and loosely dated", "");
    for (const e of dated) lines.push(...renderEvent(e, cite));
    lines.push("");
  }
  if (undated.length > 0) {
    lines.push("### Undated", "");
    for (const e of undated) lines.push(...renderEvent(e, cite));
    lines.push("");
  }
  if (omitted > 0)
    lines.push(
      `*${omitted} further single-source statement${omitted === 1 ? "" : "s"} left out; \`--format json\` has every one.*`,
      "",
    );
  return lines;
}

function renderEvent(e: Event, cite: (ids: readonly string[]) => string): string[] {
  const ids = e.mentions.map((m) => m.articleId);
  const when = e.date.start === null ? "Undated" : formatDateRange(e.date);
  const sources = e.corroboration === 1 ? "single source" : `${e.corroboration} sources`;
  const lines = [
    `- **${escapeMarkdown(when)}**: ${escapeMarkdown(e.summary)}${cite(ids)} *(${sources})*`,
  ];
  if (e.date.start !== null) lines.push(`  - Date: ${escapeMarkdown(describeDate(e.date))}`);
  for (const d of e.disputed ?? [])
    lines.push(
      `  - **Disputed** ${escapeMarkdown(d.about)}: ${d.claims.map((c) => `${escapeMarkdown(c.value)}${cite(c.articleIds)}`).join(" vs ")}`,
    );
  return lines;
}

function renderActors(briefing: Briefing, max: number): string[] {
  const actors = briefing.entities.filter((e) => e.kind !== "other").slice(0, max);
  if (actors.length === 0) return [];
  const lines = ["## Key actors", ""];
  for (const a of actors) {
    const aliases =
      a.aliases.length > 0 ? `; also ${a.aliases.map(escapeMarkdown).join(", ")}` : "";
    lines.push(`- **${escapeMarkdown(a.name)}** (${a.kind}${aliases})`);
  }
  lines.push("");
  return lines;
}

function renderClaims(
  briefing: Briefing,
  cite: (ids: readonly string[]) => string,
  max: number,
): string[] {
  if (briefing.caveats.length === 0) return [];
  const events = new Map(briefing.storylines.flatMap((s) => s.events).map((e) => [e.id, e]));
  const lines = ["## Single-source and disputed", ""];
  for (const caveat of briefing.caveats.slice(0, max)) {
    const event = events.get(caveat.eventId);
    const what =
      caveat.kind === "disputed"
        ? `Disputed ${(event?.disputed ?? []).map((d) => escapeMarkdown(d.about)).join(", ")}`
        : "Single source";
    const when = event?.date.start ? formatDateRange(event.date) : "undated";
    lines.push(
      `- ${what}, ${escapeMarkdown(when)}: ${escapeMarkdown(caveat.text)}${cite(caveat.articleIds)}`,
    );
  }
  if (briefing.caveats.length > max) lines.push(`- … and ${briefing.caveats.length - max} more.`);
  lines.push("");
  return lines;
}

function sourceLine(article: Article | undefined, id: string): string {
  if (!article) return `article ${id}`;
  const where = article.url ?? article.origins[0]?.path ?? id;
  const parts = [
    article.publisher ? escapeMarkdown(article.publisher) : undefined,
    `“${escapeMarkdown(article.title || "(untitled)")}”`,
    escapeMarkdown(formatDateRange(article.published)),
    article.url
      ? `<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`
      : `\`${where.replace(/`/g, "'")}\``,
  ];
  return parts.filter(Boolean).join(", ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
