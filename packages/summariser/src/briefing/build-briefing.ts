import {
  BRIEFING_SCHEMA_VERSION,
  type Briefing,
  type Caveat,
  daysBetween,
  type Event,
  type LedeSentence,
  type Problem,
  type Storyline,
} from "@briefing/core";
import { buildEntities } from "../entities/build-entities.js";
import { mergeEvents } from "../events/merge-events.js";
import type { NameOccurrence } from "../mentions/find-names.js";
import type { ArticlesRead } from "../parallel/read-articles.js";
import { buildStorylines, byDate } from "../storylines/build-storylines.js";

/** Options for {@link buildBriefing}. */
export interface BuildBriefingOptions {
  /** The instant the briefing is made for (the caller's clock): `generatedAt`. */
  now: Date;
  /** Keep events that may fall on or after this day (`YYYY-MM-DD`). */
  since?: string;
  /** Keep events that may fall on or before this day. */
  until?: string;
  /** Keep the storylines that match this query (topic, names, aliases or summaries). */
  topic?: string;
  /** Keep at most this many events, the most important (most corroborated, most reported). */
  maxEvents?: number;
  /** Problems met while reading the corpus, carried into the briefing. */
  problems?: Problem[];
}

const LEDE_SENTENCES = 3;
/** The lede tells dated events: known to within a month or so. */
const LEDE_PRECISION_DAYS = 45;

/**
 * From articles to a {@link Briefing}: the sentences that report something, the entities with
 * their aliases merged, the events merged across sources with corroboration and disputes, the
 * storylines with phases, a headline and a lede of up to three cited sentences. Pure and
 * deterministic: the same articles and options give the same briefing.
 */
export function buildBriefing(read: ArticlesRead, options: BuildBriefingOptions): Briefing {
  const { articles } = read;
  if (read.records.length !== articles.length)
    throw new Error(
      `buildBriefing: expected the records of ${articles.length} articles, found ${read.records.length}`,
    );
  const records = read.records.flat();
  const names: NameOccurrence[] = [];
  for (const record of records) for (const name of record.names) names.push(name);
  const entityIndex = buildEntities(names);
  const reports = records.filter((r) => r.reports);
  let events = mergeEvents(reports, entityIndex, articles).filter((e) => inWindow(e, options));
  if (options.maxEvents !== undefined && events.length > options.maxEvents)
    events = [...events].sort(byImportance).slice(0, Math.max(0, options.maxEvents));
  let storylines = buildStorylines(events, entityIndex.entities, {
    titles: new Map(articles.map((a) => [a.id, a.title])),
  });
  if (options.topic)
    storylines = storylines.filter((s) =>
      matches(s, options.topic as string, entityIndex.entities),
    );
  const kept = new Set(storylines.flatMap((s) => s.events.flatMap((e) => e.entities)));
  const entities = entityIndex.entities.filter((e) => kept.has(e.id));
  const top = storylines[0];
  return {
    schemaVersion: BRIEFING_SCHEMA_VERSION,
    generatedAt: options.now.toISOString(),
    headline: top?.headline ?? "No events found",
    summary: top ? lede(top) : [],
    storylines,
    entities,
    caveats: caveats(storylines),
    articles: [...articles],
    problems: options.problems ?? [],
  };
}

/** Disputed events, then the single-source ones that report more than a statement; by date. */
function caveats(storylines: readonly Storyline[]): Caveat[] {
  const events = storylines.flatMap((s) => s.events);
  const cited = (e: Event) => [...new Set(e.mentions.map((m) => m.articleId))].sort();
  const disputed = events.filter((e) => (e.disputed?.length ?? 0) > 0);
  const single = events.filter(
    (e) => e.corroboration === 1 && !e.disputed && e.kind !== "statement" && e.kind !== "other",
  );
  return [
    ...disputed.map((e) => ({
      eventId: e.id,
      kind: "disputed" as const,
      text: e.summary,
      articleIds: cited(e),
    })),
    ...single.map((e) => ({
      eventId: e.id,
      kind: "single-source" as const,
      text: e.summary,
      articleIds: cited(e),
    })),
  ];
}

/** Most corroborated, then most reported, then most specific kind, then oldest. */
function byImportance(a: Event, b: Event): number {
  const weight = (e: Event) =>
    e.corroboration * 3 +
    e.mentions.length +
    (e.kind === "statement" || e.kind === "other" ? 0 : 2);
  return weight(b) - weight(a) || byDate(a, b);
}

function inWindow(event: Event, options: BuildBriefingOptions): boolean {
  if (!options.since && !options.until) return true;
  const { start, end } = event.date;
  if (!start || !end) return false;
  return (!options.since || end >= options.since) && (!options.until || start <= options.until);
}

function matches(storyline: Storyline, query: string, entities: Briefing["entities"]): boolean {
  const q = query.toLowerCase();
  if (storyline.topic.toLowerCase().includes(q)) return true;
  const ids = new Set(storyline.events.flatMap((e) => e.entities));
  const named = entities.some(
    (e) => ids.has(e.id) && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(q)),
  );
  return named || storyline.events.some((e) => e.summary.toLowerCase().includes(q));
}

/**
 * Up to three sentences that tell the storyline: its most important events' summaries, in date
 * order, each citing the articles that report it.
 */
function lede(storyline: Storyline): LedeSentence[] {
  const chosen = [...storyline.events]
    .filter(
      (e) =>
        e.kind !== "other" &&
        e.date.start !== null &&
        e.date.end !== null &&
        daysBetween(e.date.start, e.date.end) <= LEDE_PRECISION_DAYS,
    )
    .sort(byImportance)
    .slice(0, LEDE_SENTENCES)
    .sort(byDate);
  return chosen.map((e) => ({
    text: e.summary,
    articleIds: [...new Set(e.mentions.map((m) => m.articleId))].sort(),
  }));
}
