import {
  type Article,
  type Briefing,
  type EntityKind,
  formatDateRange,
  type Problem,
  type TimelineEntry,
} from "@briefing/core";
import { safeUrl } from "./escape-html.js";

/** Options for {@link layoutBriefing}. */
export interface LayoutOptions {
  /** Most key actors listed. Default 8. */
  maxActors?: number;
  /** Most aliases listed for each actor (the JSON has them all). Default 3. */
  maxAliases?: number;
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
  /** In a digest of what changed: the storyline's earlier top events, each "date: sentence". */
  soFar: Cited[];
  /** Entries left out of this storyline (none since the summariser chooses the timeline). */
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
  /** Context that no day dates: up to three cited sentences. */
  background: Cited[];
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
  /** Articles read but not cited, listed when there are few. */
  uncited: LayoutSource[];
  /** Articles read but not cited and not listed. */
  moreUncited: number;
  /** Timeline entries left out by `maxEntries`. */
  collapsed: number;
  articleCount: number;
  generatedAt: string;
}

/** Uncited articles are listed one by one up to this many; past it, counted. */
const MAX_UNCITED_LISTED = 20;

/**
 * Decides what a briefing shows and in what order, for every output format alike: its timeline
 * (what the summariser chose within the reading budget) by storyline, the main story first, and
 * month by month, each entry under its day; the background; the key actors; the claims to weigh;
 * and footnote numbers given in reading order. `maxEntries` keeps the most important entries
 * (the email's size budget).
 */
export function layoutBriefing(briefing: Briefing, options: LayoutOptions = {}): BriefingLayout {
  const max = options.maxEntries ?? Number.POSITIVE_INFINITY;
  const kept = new Set(
    [...briefing.timeline]
      .sort((a, b) => a.rank - b.rank)
      .slice(0, Math.max(0, max))
      .map((e) => e.eventId),
  );
  const notes = new Map<string, number>();
  const articles = new Map(briefing.articles.map((a) => [a.id, a]));
  // Each claim cites the first article of each publisher, five at most; the JSON has them all.
  const cite = (articleIds: readonly string[]): number[] =>
    citedArticles(articleIds, articles)
      .map((id) => {
        if (!notes.has(id)) notes.set(id, notes.size + 1);
        return notes.get(id) as number;
      })
      .sort((a, b) => a - b);
  const lede = briefing.summary.map((s) => ({ text: s.text, notes: cite(s.articleIds) }));
  const storylines = layoutTimeline(briefing, kept, cite);
  const background = briefing.background.map((s) => ({ text: s.text, notes: cite(s.articleIds) }));
  const { claims, moreClaims, singleSource } = layoutClaims(briefing, kept, cite, options);
  const sources = [...notes].map(([id, n]) => layoutSource(articles.get(id), id, n));
  const notCited = briefing.articles.filter((a) => !notes.has(a.id));
  const uncited =
    notCited.length <= MAX_UNCITED_LISTED ? notCited.map((a) => layoutSource(a, a.id, 0)) : [];
  const period = timelinePeriod(briefing, kept);
  const count = briefing.articles.length;
  const generated = briefing.generatedAt.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
  return {
    headline: briefing.headline,
    coverage: `Briefing of ${count} article${count === 1 ? "" : "s"}${period ? `, events from ${period.from} to ${period.to}` : ""}. Generated ${generated}.`,
    ...(period ? { period } : {}),
    lede,
    storylines,
    background,
    actors: briefing.entities
      .filter((e) => e.kind !== "other")
      .slice(0, options.maxActors ?? 8)
      .map(({ name, kind, aliases }) => ({
        name,
        kind,
        aliases: aliases.slice(0, options.maxAliases ?? 3),
      })),
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
    moreUncited: notCited.length - uncited.length,
    collapsed: briefing.timeline.length - kept.size,
    articleCount: count,
    generatedAt: briefing.generatedAt,
  };
}

/** Articles an entry cites: the first of each publisher (of each article, when none is known). */
const MAX_CITED = 5;

function citedArticles(ids: readonly string[], articles: ReadonlyMap<string, Article>): string[] {
  const first = new Map<string, string>();
  const day = (id: string) => articles.get(id)?.published.start ?? "9999";
  for (const id of [...ids].sort((a, b) => day(a).localeCompare(day(b)) || a.localeCompare(b))) {
    const publisher = articles.get(id)?.publisher?.trim() || `#${id}`;
    if (!first.has(publisher)) first.set(publisher, id);
  }
  return [...first.values()].slice(0, MAX_CITED);
}

/** The kept entries by storyline (in order of their best entry), then month, in reading order. */
function layoutTimeline(
  briefing: Briefing,
  kept: ReadonlySet<string>,
  cite: (ids: readonly string[]) => number[],
): LayoutStoryline[] {
  const headlines = new Map(briefing.storylines.map((s) => [s.id, s.headline]));
  const recalled = new Map((briefing.changes ?? []).map((c) => [c.storylineId, c.soFar]));
  const groups = new Map<string, TimelineEntry[]>();
  for (const entry of briefing.timeline) {
    if (!kept.has(entry.eventId)) continue;
    groups.set(entry.storylineId, [...(groups.get(entry.storylineId) ?? []), entry]);
  }
  const ordered = [...groups].sort(
    ([, a], [, b]) => Math.min(...a.map((e) => e.rank)) - Math.min(...b.map((e) => e.rank)),
  );
  return ordered.map(([id, entries]) => {
    const headline = headlines.get(id) ?? briefing.headline;
    // Cited before the news, as it is read.
    const soFar = (recalled.get(id) ?? []).map((r) => ({
      text: `${formatDateRange({ start: r.day, end: r.day })}: ${r.text}`,
      notes: cite(r.articleIds),
    }));
    const sections: LayoutSection[] = [];
    for (const entry of entries) {
      const label = formatMonth(entry.day);
      let section = sections.at(-1);
      if (section?.label !== label) {
        section = { label, entries: [] };
        sections.push(section);
      }
      section.entries.push(layoutEntry(entry, cite));
    }
    return {
      headline,
      repeatsHeadline: ordered.length === 1 && headline === briefing.headline,
      soFar,
      sections,
      omitted: 0,
    };
  });
}

function formatMonth(day: string): string {
  const [year, month] = day.split("-");
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function layoutEntry(
  entry: TimelineEntry,
  cite: (ids: readonly string[]) => number[],
): LayoutEntry {
  // The month's heading above gives the year.
  const when = formatDateRange(
    { start: entry.day, end: entry.until },
    { omitYear: entry.day.slice(0, 4) },
  );
  return {
    eventId: entry.eventId,
    when,
    ...(entry.dateNote ? { dateNote: entry.dateNote, dateBasis: entry.dateNote } : {}),
    text: entry.text,
    notes: cite(entry.articleIds),
    sources: entry.sources === 1 ? "single source" : `${entry.sources} sources`,
    disputes: (entry.disputes ?? []).map((d) => ({
      about: d.about,
      claims: d.claims.map((c) => ({ text: c.value, notes: cite(c.articleIds) })),
    })),
  };
}

function layoutClaims(
  briefing: Briefing,
  kept: ReadonlySet<string>,
  cite: (ids: readonly string[]) => number[],
  options: LayoutOptions,
) {
  const max = options.maxClaims ?? 20;
  const events = new Map(briefing.storylines.flatMap((s) => s.events).map((e) => [e.id, e]));
  // The caveats are the summariser's: disputes and single-source claims the timeline leaves out.
  const shown = briefing.caveats;
  const singleSource = briefing.timeline.filter(
    (e) => kept.has(e.eventId) && e.sources === 1,
  ).length;
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

/** First and last day of the timeline's kept entries. */
function timelinePeriod(briefing: Briefing, kept: ReadonlySet<string>) {
  const days = briefing.timeline
    .filter((e) => kept.has(e.eventId))
    .flatMap((e) => [e.day, e.until])
    .sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return undefined;
  return {
    from: formatDateRange({ start: first, end: first }),
    to: formatDateRange({ start: last, end: last }),
  };
}
