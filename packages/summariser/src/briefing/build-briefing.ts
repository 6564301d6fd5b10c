import {
  BRIEFING_SCHEMA_VERSION,
  type Briefing,
  type Entity,
  type Event,
  type Problem,
  type Storyline,
} from "@briefing/core";
import { buildEntities } from "../entities/build-entities.js";
import { findBoilerplate } from "../events/find-boilerplate.js";
import { mergeEvents } from "../events/merge-events.js";
import type { NameOccurrence } from "../mentions/find-names.js";
import type { ArticlesRead } from "../parallel/read-articles.js";
import { addTo } from "../shared/add-to.js";
import { arcHeadline, buildStorylines } from "../storylines/build-storylines.js";
import { composeReading, recallEarlier } from "./compose-reading.js";
import { type TimelineBudget, wordCount } from "./select-timeline.js";

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
  /** Show at most this many timeline entries, the most important. */
  maxEvents?: number;
  /**
   * The reading budget: words of the briefing's body (everything above its sources). Default
   * 1,200, about five minutes of reading, whatever the corpus's size.
   */
  maxWords?: number;
  /** The timeline's own budget instead of its share of `maxWords` (the TLS protocol's, say). */
  timelineBudget?: TimelineBudget;
  /** Problems met while reading the corpus, carried into the briefing. */
  problems?: Problem[];
  /**
   * A briefing of what changed: the ids of the articles that are new (a digest's since its last
   * issue); the others are history. The timeline then tells only new events (reported by new
   * articles alone), only storylines with such news are told, and each gets a "so far" of its
   * earlier top events (`changes`).
   */
  news?: ReadonlySet<string>;
}

/** Earlier events a storyline with news recalls. */
const RECALLED_EVENTS = 2;

/** About five minutes of reading. */
const DEFAULT_MAX_WORDS = 1200;

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
  // Furniture found by count (a credit line, a background paragraph on every page) lends its
  // names but reports nothing.
  const boilerplate = findBoilerplate(records, articles);
  const reports = records.filter((r) => r.reports && !boilerplate.has(r));
  const events = mergeEvents(reports, entityIndex, articles).filter((e) => inWindow(e, options));
  let storylines = buildStorylines(events, entityIndex.entities, {
    titles: new Map(articles.map((a) => [a.id, a.title])),
    speakers: entityIndex.speakers,
  });
  if (options.topic)
    storylines = storylines.filter((s) =>
      matches(s, options.topic as string, entityIndex.entities),
    );
  const kept = new Set(storylines.flatMap((s) => s.events.flatMap((e) => e.entities)));
  const entities = entityIndex.entities.filter((e) => kept.has(e.id));
  const news = options.news;
  const isNew = (e: Event) => news !== undefined && e.mentions.every((m) => news.has(m.articleId));
  const withNews = news
    ? storylines
        .map((s) => ({ ...s, events: s.events.filter(isNew) }))
        .filter((s) => s.events.length > 0)
    : storylines;
  const reading = composeReading(withNews, records, articles, {
    ...(news ? { storyArticles: news.size } : {}),
    maxWords: options.maxWords ?? DEFAULT_MAX_WORDS,
    ...(options.timelineBudget ? { budget: options.timelineBudget } : {}),
    ...(options.maxEvents !== undefined ? { maxEntries: options.maxEvents } : {}),
    reservedWords: actorWords(entities),
  });
  // Each told storyline is headlined by the events its reader is shown.
  const shownOf = new Map<string, Event[]>();
  const eventById = new Map(events.map((e) => [e.id, e]));
  for (const entry of reading.timeline) {
    const event = eventById.get(entry.eventId);
    if (event) addTo(shownOf, entry.storylineId, event);
  }
  storylines = storylines.map((s) => {
    const shown = shownOf.get(s.id);
    return shown ? { ...s, headline: arcHeadline(s, shown, entityIndex.entities) } : s;
  });
  // In a briefing of what changed, each told storyline recalls its earlier top events.
  const changes = news
    ? reading.storylines.map((told) => {
        const whole = storylines.find((s) => s.id === told.id) ?? told;
        const earlier = { ...whole, events: whole.events.filter((e) => !isNew(e)) };
        return {
          storylineId: told.id,
          soFar: recallEarlier(earlier, records, articles, RECALLED_EVENTS),
        };
      })
    : undefined;
  // Its articles are the new ones and those the "so far" lines cite; the rest is history.
  const recalled = new Set(changes?.flatMap((c) => c.soFar.flatMap((r) => r.articleIds)));
  const topId = reading.storylines[0]?.id;
  const top = storylines.find((s) => s.id === topId);
  return {
    schemaVersion: BRIEFING_SCHEMA_VERSION,
    generatedAt: options.now.toISOString(),
    headline: top?.headline ?? "No events found",
    summary: reading.lede,
    timeline: reading.timeline,
    background: reading.background,
    storylines,
    entities,
    caveats: reading.caveats,
    ...(changes ? { changes } : {}),
    articles: news ? articles.filter((a) => news.has(a.id) || recalled.has(a.id)) : [...articles],
    // Articles that could not be read are problems too, once.
    problems: [
      ...(options.problems ?? []),
      ...read.readProblems.filter((p) => !options.problems?.includes(p)),
    ],
  };
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

/** Key actors a briefing lists, and aliases of each. */
const LISTED_ACTORS = 8;
const LISTED_ALIASES = 3;

/** Words of the key actors' list in the body: each name with a few aliases. */
function actorWords(entities: readonly Entity[]): number {
  return entities
    .filter((e) => e.kind !== "other")
    .slice(0, LISTED_ACTORS)
    .reduce(
      (n, e) => n + 2 + wordCount([e.name, ...e.aliases.slice(0, LISTED_ALIASES)].join(" ")),
      0,
    );
}
