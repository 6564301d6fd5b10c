import {
  type Article,
  type Briefing,
  describeDate,
  type EntityKind,
  type Event,
  formatDateRange,
  type Problem,
  type Storyline,
} from "@briefing/core";
import { safeUrl } from "./escape-html.js";

/** Options for {@link layoutBriefing}. */
export interface LayoutOptions {
  /** Most key actors listed. Default 12. */
  maxActors?: number;
  /** Most single-source and disputed claims listed. Default 20. */
  maxClaims?: number;
  /**
   * List single-source claims one by one (default), or only count them in
   * {@link BriefingLayout.singleSource}: the timeline marks each entry "single source" anyway.
   */
  singleSourceClaims?: "list" | "count";
  /**
   * Keep only this many timeline entries, the most recent; the others (undated first, then
   * background, then the oldest) are counted in {@link BriefingLayout.collapsed}. Default: all.
   */
  maxEntries?: number;
}

/** A piece of text and the numbers of the sources it cites. */
export interface Cited {
  text: string;
  notes: number[];
}

/** One timeline entry: an event as a reader sees it. */
export interface LayoutEntry extends Cited {
  eventId: string;
  /** "Tue 31 Aug 2021", "11 Aug – 8 Sep 2021" or "Undated". */
  when: string;
  /** How the date was read, for dated entries. */
  dateNote?: string;
  /** The same without the date: "from 'on Wednesday' in an article of 15 Aug – 14 Sep". */
  dateBasis?: string;
  /** "single source" or "N sources". */
  sources: string;
  disputes: { about: string; claims: Cited[] }[];
}

/** A titled run of entries: a phase, the loosely dated background, or the undated. */
export interface LayoutSection {
  label: string;
  entries: LayoutEntry[];
}

export interface LayoutStoryline {
  headline: string;
  /** The only storyline, titled as the briefing is: formats with a visible title may skip it. */
  repeatsHeadline: boolean;
  sections: LayoutSection[];
  /** Minor single-source statements left out of the timeline. */
  omitted: number;
}

/** A numbered source, in the order of first citation. */
export interface LayoutSource {
  n: number;
  articleId: string;
  publisher?: string;
  title: string;
  /** Publication date as text, e.g. "Sat 15 Jan 2022". */
  date: string;
  /** The article's address, when it is a web (or mailto) address; others are never shown. */
  url?: string;
  /** The file the article was read from, when it has no safe URL. */
  path?: string;
}

/** Everything a renderer shows, selected, ordered and numbered once for every output format. */
export interface BriefingLayout {
  headline: string;
  /** "Briefing of 5 articles, events from … to …. Generated …." */
  coverage: string;
  /** The earliest and latest day of the dated timeline, formatted, when there is one. */
  period?: { from: string; to: string };
  lede: Cited[];
  storylines: LayoutStoryline[];
  actors: { name: string; kind: EntityKind; aliases: string[] }[];
  claims: (Cited & { label: string; when: string })[];
  /** Claims past `maxClaims`. */
  moreClaims: number;
  /** Claims of shown entries that rest on a single source, listed or not. */
  singleSource: number;
  /** When single-source claims are counted, not listed: the sentence that says how many. */
  singleSourceNote?: string;
  problems: Problem[];
  /** Every cited source; `n` is its footnote number. */
  sources: LayoutSource[];
  /** Articles read but not cited. */
  uncited: LayoutSource[];
  /** Timeline entries left out by `maxEntries`. */
  collapsed: number;
  articleCount: number;
  generatedAt: string;
}

const MINOR = new Set(["statement", "other"]);

/**
 * Decides what a briefing shows and in what order, for every output format alike: the sections of
 * each storyline (phases, then "Background and loosely dated", then "Undated"), minor single-source
 * statements left out and counted, the entries kept within `maxEntries`, the key actors, the
 * claims to weigh, and footnote numbers given in reading order.
 */
export function layoutBriefing(briefing: Briefing, options: LayoutOptions = {}): BriefingLayout {
  const drafts = briefing.storylines.map(draftStoryline);
  const kept = keepNewest(drafts, options.maxEntries ?? Number.POSITIVE_INFINITY);
  const notes = new Map<string, number>();
  const cite = (articleIds: readonly string[]): number[] =>
    [...new Set(articleIds)].map((id) => {
      if (!notes.has(id)) notes.set(id, notes.size + 1);
      return notes.get(id) as number;
    });
  const lede = briefing.summary.map((s) => ({ text: s.text, notes: cite(s.articleIds) }));
  const storylines = drafts.map((d) => ({
    headline: d.headline,
    repeatsHeadline: drafts.length === 1 && d.headline === briefing.headline,
    omitted: d.omitted,
    sections: d.sections
      .map((s) => ({
        label: s.label,
        entries: s.events.filter((e) => kept.has(e.id)).map((e) => layoutEntry(e, cite)),
      }))
      .filter((s) => s.entries.length > 0),
  }));
  const { claims, moreClaims, singleSource } = layoutClaims(briefing, kept, cite, options);
  const articles = new Map(briefing.articles.map((a) => [a.id, a]));
  const sources = [...notes].map(([id, n]) => layoutSource(articles.get(id), id, n));
  const uncited = briefing.articles
    .filter((a) => !notes.has(a.id))
    .map((a) => layoutSource(a, a.id, 0));
  const period = timelinePeriod(drafts, kept);
  const count = briefing.articles.length;
  const generated = briefing.generatedAt.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
  return {
    headline: briefing.headline,
    coverage: `Briefing of ${count} article${count === 1 ? "" : "s"}${period ? `, events from ${period.from} to ${period.to}` : ""}. Generated ${generated}.`,
    ...(period ? { period } : {}),
    lede,
    storylines,
    actors: briefing.entities
      .filter((e) => e.kind !== "other")
      .slice(0, options.maxActors ?? 12)
      .map(({ name, kind, aliases }) => ({ name, kind, aliases })),
    claims,
    moreClaims,
    singleSource,
    ...(options.singleSourceClaims === "count" && singleSource > 0
      ? {
          singleSourceNote: `${singleSource} entr${singleSource === 1 ? "y rests" : "ies rest"} on a single source, marked “single source” in the timeline.`,
        }
      : {}),
    problems: briefing.problems,
    sources,
    uncited,
    collapsed:
      drafts.reduce((n, d) => n + d.sections.flatMap((s) => s.events).length, 0) - kept.size,
    articleCount: count,
    generatedAt: briefing.generatedAt,
  };
}

interface DraftSection {
  label: string;
  /** 0 phases, 1 background, 2 undated: what collapses first. */
  rank: number;
  events: Event[];
}

function draftStoryline(storyline: Storyline) {
  const byId = new Map(storyline.events.map((e) => [e.id, e]));
  // Minor single-source statements are left out, unless they are all the storyline has.
  const all = storyline.events.every((e) => MINOR.has(e.kind) && e.corroboration <= 1);
  const shown = (e: Event) => all || !MINOR.has(e.kind) || e.corroboration > 1;
  const sections: DraftSection[] = [];
  const placed = new Set<string>();
  for (const phase of storyline.phases ?? []) {
    const events = phase.events
      .map((id) => byId.get(id))
      .filter((e): e is Event => e !== undefined);
    for (const e of events) placed.add(e.id);
    sections.push({ label: capitalise(phase.label), rank: 0, events: events.filter(shown) });
  }
  const rest = storyline.events.filter((e) => !placed.has(e.id));
  sections.push({
    label: "Background and loosely dated",
    rank: 1,
    events: rest.filter((e) => e.date.start !== null && shown(e)),
  });
  sections.push({
    label: "Undated",
    rank: 2,
    events: rest.filter((e) => e.date.start === null && shown(e)),
  });
  const visible = sections.reduce((n, s) => n + s.events.length, 0);
  return {
    headline: storyline.headline,
    sections: sections.filter((s) => s.events.length > 0),
    omitted: storyline.events.length - visible,
  };
}

/** The ids of the `max` entries to keep: phase entries before background before undated, newest first. */
function keepNewest(drafts: ReturnType<typeof draftStoryline>[], max: number): Set<string> {
  const all = drafts.flatMap((d) =>
    d.sections.flatMap((s) => s.events.map((e) => ({ e, rank: s.rank }))),
  );
  if (all.length <= max) return new Set(all.map((x) => x.e.id));
  const ordered = all
    .map((x, i) => ({ ...x, i }))
    .sort(
      (a, b) =>
        a.rank - b.rank || (b.e.date.end ?? "").localeCompare(a.e.date.end ?? "") || b.i - a.i,
    );
  return new Set(ordered.slice(0, Math.max(0, max)).map((x) => x.e.id));
}

function layoutEntry(e: Event, cite: (ids: readonly string[]) => number[]): LayoutEntry {
  const when = e.date.start === null ? "Undated" : formatDateRange(e.date);
  const note = e.date.start === null ? undefined : describeDate(e.date);
  const basis =
    note?.startsWith(`${when} (`) && note.endsWith(")")
      ? note.slice(when.length + 2, -1)
      : undefined;
  return {
    eventId: e.id,
    when,
    ...(note ? { dateNote: note } : {}),
    ...(basis ? { dateBasis: basis } : {}),
    text: e.summary,
    notes: cite(e.mentions.map((m) => m.articleId)),
    sources: e.corroboration === 1 ? "single source" : `${e.corroboration} sources`,
    disputes: (e.disputed ?? []).map((d) => ({
      about: d.about,
      claims: d.claims.map((c) => ({ text: c.value, notes: cite(c.articleIds) })),
    })),
  };
}

function layoutClaims(
  briefing: Briefing,
  kept: Set<string>,
  cite: (ids: readonly string[]) => number[],
  options: LayoutOptions,
) {
  const max = options.maxClaims ?? 20;
  const events = new Map(briefing.storylines.flatMap((s) => s.events).map((e) => [e.id, e]));
  const shown = briefing.caveats.filter((c) => kept.has(c.eventId) || !events.has(c.eventId));
  const singleSource = shown.filter((c) => c.kind === "single-source").length;
  const caveats =
    options.singleSourceClaims === "count"
      ? shown.filter((c) => c.kind !== "single-source")
      : shown;
  const claims = caveats.slice(0, max).map((caveat) => {
    const event = events.get(caveat.eventId);
    return {
      label:
        caveat.kind === "disputed"
          ? `Disputed ${(event?.disputed ?? []).map((d) => d.about).join(", ")}`
          : "Single source",
      when: event?.date.start ? formatDateRange(event.date) : "undated",
      text: caveat.text,
      notes: cite(caveat.articleIds),
    };
  });
  return { claims, moreClaims: Math.max(0, caveats.length - max), singleSource };
}

function layoutSource(article: Article | undefined, id: string, n: number): LayoutSource {
  if (!article) return { n, articleId: id, title: `article ${id}`, date: "" };
  const url = safeUrl(article.url);
  return {
    n,
    articleId: id,
    ...(article.publisher ? { publisher: article.publisher } : {}),
    title: article.title || "(untitled)",
    date: formatDateRange(article.published),
    ...(url ? { url } : { path: article.origins[0]?.path ?? id }),
  };
}

/** First and last day of the phased timeline's events dated to a month or better. */
function timelinePeriod(drafts: ReturnType<typeof draftStoryline>[], kept: Set<string>) {
  const days = drafts
    .flatMap((d) => d.sections.filter((s) => s.rank === 0).flatMap((s) => s.events))
    .filter((e) => kept.has(e.id) && e.date.start && e.date.end)
    .filter((e) => e.date.precision !== "year" && e.date.precision !== "unknown")
    .flatMap((e) => [e.date.start as string, e.date.end as string])
    .sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return undefined;
  return {
    from: formatDateRange({ start: first, end: first }),
    to: formatDateRange({ start: last, end: last }),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
