import { daysBetween, type Entity, type Event, type Phase, type Storyline } from "@briefing/core";
import { KIND_LABELS } from "../events/merge-events.js";
import { CAUSES, DEATHS, DISASTER } from "../mentions/detect-action.js";
import { addTo } from "../shared/add-to.js";
import { compareText } from "../shared/compare-text.js";
import { disjointSets } from "../shared/disjoint-sets.js";
import { nextPostingsRange } from "../shared/next-postings-range.js";
import { numbering } from "../shared/numbering.js";
import { stableHash } from "../shared/stable-hash.js";

/** Options for {@link buildStorylines}. */
export interface BuildStorylinesOptions {
  /** A gap of more than this many days between events starts a new phase. Default 14. */
  phaseGapDays?: number;
  /** Least share of an event's names another event must share to join its storyline. Default 0.2. */
  minOverlap?: number;
  /**
   * Titles of the articles by id: a storyline that names no one takes the title of the article
   * reporting most of its events as its topic and headline.
   */
  titles?: ReadonlyMap<string, string>;
  /**
   * Entities named mostly as the speaker of what a sentence reports (a police spokesman, an
   * official quoted): the story's sources, which head it only when no one else is named.
   */
  speakers?: ReadonlySet<string>;
}

/** Events compared with each event through one of its names: the next ones that name it. */
const MAX_POSTINGS = 64;

/**
 * Clusters events into storylines by the names they share (weighted by rarity, so that a name in
 * every event binds nothing), picks each storyline's topic (its most central entity, a place
 * first among near-equals), splits it into phases at time gaps and changes of action, and
 * names it by topic and phases: "Panjshir: talks to fighting to Tehran talks".
 */
export function buildStorylines(
  events: readonly Event[],
  entities: readonly Entity[],
  options: BuildStorylinesOptions = {},
): Storyline[] {
  const gap = options.phaseGapDays ?? 14;
  const minOverlap = options.minOverlap ?? 0.2;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const df = new Map<string, number>();
  for (const event of events) for (const id of event.entities) df.set(id, (df.get(id) ?? 0) + 1);
  const weights = new Map([...df].map(([id, n]) => [id, Math.log(1 + events.length / n)]));

  const { find, join } = disjointSets(events.length);
  const postings = new Map<string, number[]>();
  events.forEach((event, i) => {
    for (const id of event.entities) addTo(postings, id, i);
  });
  // Each event's names as numbers, in their order, with their weights, for the candidate loop.
  const numberOf = numbering();
  const numbers = events.map((e) => Int32Array.from(e.entities, numberOf));
  const nameWeights = events.map((e) =>
    Float64Array.from(e.entities, (id) => weights.get(id) ?? 0),
  );
  const mass = nameWeights.map((w) => w.reduce((sum, x) => sum + x, 0));
  // For event j, mark[n] === j when j names n (set as j is compared).
  const mark = new Int32Array(df.size).fill(-1);
  const seenBy = new Int32Array(events.length).fill(-1);
  events.forEach((event, i) => {
    for (const id of event.entities) {
      const list = postings.get(id) ?? [];
      const [from, to] = nextPostingsRange(list, i, MAX_POSTINGS);
      for (let k = from; k < to; k++) {
        const j = list[k] as number;
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        // Already in one storyline: joining again would change nothing.
        if (find(i) === find(j)) continue;
        const smaller = Math.min(mass[i] as number, mass[j] as number);
        if (smaller <= 0) continue;
        const own = numbers[i] as Int32Array;
        const theirs = numbers[j] as Int32Array;
        for (let n = 0; n < theirs.length; n++) mark[theirs[n] as number] = j;
        // The weight of the names both report, summed in event i's order.
        let shared = 0;
        const w = nameWeights[i] as Float64Array;
        for (let n = 0; n < own.length; n++)
          if (mark[own[n] as number] === j) shared += w[n] as number;
        if (shared / smaller >= minOverlap) join(i, j);
      }
    }
  });

  // An event that names nobody ("The talks were held in a good atmosphere") belongs with the
  // storyline its article mostly tells.
  const byArticle = new Map<string, Map<number, number>>();
  events.forEach((event, i) => {
    if (event.entities.length === 0) return;
    for (const m of event.mentions) {
      const roots = byArticle.get(m.articleId) ?? new Map<number, number>();
      roots.set(find(i), (roots.get(find(i)) ?? 0) + 1);
      byArticle.set(m.articleId, roots);
    }
  });
  events.forEach((event, i) => {
    if (event.entities.length > 0) return;
    const roots = byArticle.get(event.mentions[0]?.articleId ?? "");
    const home = roots && [...roots].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (home) join(home[0], i);
  });
  const groups = new Map<number, Event[]>();
  events.forEach((event, i) => {
    addTo(groups, find(i), event);
  });
  return [...groups.values()]
    .map((group) => storyline(group.sort(byDate), byId, gap, options))
    .sort((a, b) => b.events.length - a.events.length || compareText(a.id, b.id));
}

function storyline(
  events: Event[],
  byId: Map<string, Entity>,
  gap: number,
  { titles, speakers }: Pick<BuildStorylinesOptions, "titles" | "speakers">,
): Storyline {
  // The events that name each entity (an event names each once).
  const eventsOf = new Map<string, Event[]>();
  for (const event of events) for (const id of event.entities) addTo(eventsOf, id, event);
  const counts = new Map([...eventsOf].map(([id, list]) => [id, list.length]));
  // News is told from a place: the most named place, when a quarter of the events name it;
  // else the most named entity, one the story is about before one who tells it.
  // A name of fewer than two letters ("T" of a misread "AT&T") heads nothing.
  const source = (id: string) => (speakers?.has(id) ? 1 : 0);
  const ranked = [...counts.keys()]
    .filter((id) => (byId.get(id)?.name.match(/\p{L}/gu)?.length ?? 0) >= 2)
    .sort(
      (a, b) =>
        source(a) - source(b) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || compareText(a, b),
    );
  const place = ranked.find((id) => byId.get(id)?.kind === "place");
  const topicId = place && (counts.get(place) ?? 0) * 4 >= events.length ? place : ranked[0];
  const named = topicId && byId.get(topicId)?.name;
  const titled = named ? undefined : mainTitle(events, titles);
  const topic = named || titled || KIND_LABELS[events[0]?.kind ?? "other"];
  const distinctive = distinctivePlaces(events, topicId, byId, eventsOf);
  const phases = phasesOf(events, gap, (family, run) => phaseLabel(family, run, byId, distinctive));
  return {
    id: `storyline-${stableHash(events.map((e) => e.id).join("|"))}`,
    topic,
    headline: titled ? topic : arcOf(topic, phases),
    phases: phases.map(({ label, events }) => ({ label, events })),
    events,
  };
}

/** Phases a headline names at most: the first, the weightiest between, the last. */
const HEADLINE_PHASES = 3;

/** A phase with the family of actions it tells, which its label may not show ("Tehran meeting"). */
interface FamilyPhase extends Phase {
  family: string;
}

/**
 * "Topic: first to … to last" of the phases' labels, neighbours of one family told once: the
 * first, the last and, between them, the phase of most events of another family than theirs; a
 * family told twice running, or a label told before, is told once ("spill to hearing", not
 * "spill to hearing to spill"), and a disaster once, its later phases being its aftermath.
 */
function arcOf(topic: string, phases: readonly FamilyPhase[]): string {
  const runs: { label: string; family: string; events: number }[] = [];
  let disasterTold = false;
  for (const p of phases) {
    // A disaster happens once: a later phase of that family tells its aftermath ("explosion to
    // meeting to spill"), which the phases after it tell better.
    if (p.family === DISASTER) {
      if (disasterTold) continue;
      disasterTold = true;
    }
    const last = runs[runs.length - 1];
    if (last && last.label === p.label) last.events += p.events.length;
    else runs.push({ label: p.label, family: p.family, events: p.events.length });
  }
  let shown = runs;
  if (runs.length > HEADLINE_PHASES) {
    const first = runs[0] as (typeof runs)[0];
    const last = runs[runs.length - 1] as (typeof runs)[0];
    const middle = runs
      .slice(1, -1)
      .filter((run) => run.family !== first.family && run.family !== last.family)
      .reduce<(typeof runs)[0] | undefined>(
        (best, run) => (!best || run.events > best.events ? run : best),
        undefined,
      );
    shown = middle ? [first, middle, last] : [first, last];
  }
  const told = shown.filter(
    (run, i) =>
      i === 0 ||
      (run.family !== shown[i - 1]?.family &&
        !shown.slice(0, i).some((r) => r.label === run.label)),
  );
  return told.length > 0 ? `${topic}: ${told.map((r) => r.label).join(" to ")}` : topic;
}

/** A name in capitals, longer than an abbreviation ("US", "UAE"): "WASHINGTON", "NEW ORLEANS". */
const DATELINE_CAPITALS = /^(?=(?:.*\p{Lu}){4})[\p{Lu} .'-]+$/u;

/**
 * A place that sets a phase apart: not the topic, not one named all through the story (in a
 * third of its events or half its articles), not one named by a single article (articles
 * counted only for the places asked about).
 */
function distinctivePlaces(
  events: readonly Event[],
  topicId: string | undefined,
  byId: ReadonlyMap<string, Entity>,
  eventsOf: ReadonlyMap<string, Event[]>,
): (id: string) => boolean {
  let sourceTotal: number | undefined;
  const articlesOf = (list: readonly Event[]) => {
    const ids = new Set<string>();
    for (const e of list) for (const m of e.mentions) ids.add(m.articleId);
    return ids.size;
  };
  const verdicts = new Map<string, boolean>();
  const topicName = topicId && byId.get(topicId)?.name;
  return (id: string) => {
    const entity = byId.get(id);
    // A place's name is short: a long "place" is a misread name ("Coast Guard Adm Thad Allen").
    // One written in capitals alone is a dateline's ("WASHINGTON (Reuters) -"): where the
    // report was filed, not where things happened.
    if (
      id === topicId ||
      entity?.kind !== "place" ||
      entity.name.split(" ").length > 3 ||
      DATELINE_CAPITALS.test(entity.name)
    )
      return false;
    // Part of the topic's name, or the topic part of its own: "Indian Naval" of "Indian Naval Services".
    if (topicName && (topicName.includes(entity.name) || entity.name.includes(topicName)))
      return false;
    const naming = eventsOf.get(id) ?? [];
    if (naming.length * 3 > events.length) return false;
    let verdict = verdicts.get(id);
    if (verdict === undefined) {
      sourceTotal ??= articlesOf(events);
      // A name one article alone gives (a misread word, a one-off) never heads a phase.
      const articles = articlesOf(naming);
      verdict = articles >= 2 && articles * 2 <= sourceTotal;
      verdicts.set(id, verdict);
    }
    return verdict;
  };
}

/**
 * A storyline's headline told by the events a reader is shown: its topic and the phases of those
 * events (places that set a phase apart named as in the storyline's own phases), leaving out
 * phases of mere reports when others exist. A storyline titled after an article keeps its title.
 */
export function arcHeadline(
  storyline: Storyline,
  shown: readonly Event[],
  entities: readonly Entity[],
  options: Pick<BuildStorylinesOptions, "phaseGapDays"> = {},
): string {
  if (shown.length === 0 || !storyline.headline.startsWith(`${storyline.topic}: `))
    return storyline.headline;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const eventsOf = new Map<string, Event[]>();
  for (const event of storyline.events) for (const id of event.entities) addTo(eventsOf, id, event);
  const topicId = entities.find((e) => e.name === storyline.topic)?.id;
  const distinctive = distinctivePlaces(storyline.events, topicId, byId, eventsOf);
  const phases = phasesOf([...shown].sort(byDate), options.phaseGapDays ?? 14, (family, run) =>
    phaseLabel(family, run, byId, distinctive),
  );
  const told = phases.filter((p) => p.label !== REPORTS_LABEL);
  return arcOf(storyline.topic, told.length > 0 ? told : phases);
}

/** The title of the article that reports most of the events (the first such, by id, on a tie). */
function mainTitle(events: Event[], titles: ReadonlyMap<string, string> | undefined) {
  if (!titles) return undefined;
  const counts = new Map<string, number>();
  for (const e of events)
    for (const id of new Set(e.mentions.map((m) => m.articleId)))
      counts.set(id, (counts.get(id) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  return best ? titles.get(best[0])?.trim() || undefined : undefined;
}

/** Events dated to within this many days place a phase; wider ones stay out of phases. */
const PHASE_PRECISION_DAYS = 45;
/** Longest period a phase is told from, in days. */
const PERIOD_DAYS = 31;
/** A second kind of event makes a phase of its own when it weighs at least this share of the first. */
const SECOND_KIND_SHARE = 0.5;
const DAY = 86_400_000;

/**
 * The storyline's phases: its well-dated events by date, cut into periods at gaps of more than
 * `gap` days and after a month at most; in each period the heaviest kind of event (reports
 * weighted by corroboration) makes a phase, and a second kind nearly as heavy makes another, the
 * two in the order their events happened; the other events join the phase nearest in time.
 * Neighbouring phases with the same label merge.
 */
function phasesOf(
  events: Event[],
  gap: number,
  labelOf: (family: string, run: Event[]) => string,
): FamilyPhase[] {
  // The middle of each event's dates, worked out once (sorting asks for it many times).
  const middles = new Map<Event, number>();
  const mid = (e: Event) => {
    let middle = middles.get(e);
    if (middle === undefined) {
      const start = Date.parse(e.date.start as string);
      middle = start + (Date.parse(e.date.end as string) - start) / 2;
      middles.set(e, middle);
    }
    return middle;
  };
  const placed = events
    .filter(
      (e) =>
        e.date.start !== null &&
        e.date.end !== null &&
        daysBetween(e.date.start, e.date.end) <= PHASE_PRECISION_DAYS,
    )
    .sort((a, b) => mid(a) - mid(b) || byDate(a, b));
  const periods: Event[][] = [];
  for (const event of placed) {
    const period = periods[periods.length - 1];
    const first = period?.[0];
    const last = period?.[period.length - 1];
    // A dense story reported every few days has no gaps: it is cut a month at a time, so that
    // what led each month can be told ("explosion to meeting to lawsuit", not one long phase).
    if (
      period &&
      first &&
      last &&
      (mid(event) - mid(last)) / DAY <= gap &&
      (mid(event) - mid(first)) / DAY <= PERIOD_DAYS
    )
      period.push(event);
    else periods.push([event]);
  }
  // Independent sources weigh most; repeats within one article a little.
  const weight = (e: Event) => e.corroboration + (e.mentions.length - e.corroboration) * 0.25;
  const median = (list: Event[]) => mid(list[Math.floor((list.length - 1) / 2)] as Event);
  const phases: FamilyPhase[] = [];
  for (const period of periods) {
    const families = new Map<string, number>();
    for (const e of period) {
      const family = familyOf(e);
      if (family) families.set(family, (families.get(family) ?? 0) + weight(e));
    }
    // Deaths are told as what an attack or a disaster did: with one in the period, its
    // phase holds them ("Panjshir: talks to fighting", not "to deaths").
    const cause = [...families]
      .filter(([family]) => CAUSES.has(family))
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0];
    const familyIn = (e: Event) => {
      const family = familyOf(e);
      return family === DEATHS && cause ? cause : family;
    };
    if (cause && families.has(DEATHS)) {
      families.set(cause, (families.get(cause) ?? 0) + (families.get(DEATHS) ?? 0));
      families.delete(DEATHS);
    }
    const ranked = [...families].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    const chosen = ranked
      .filter(([, w], i) => i === 0 || (i === 1 && w >= SECOND_KIND_SHARE * (ranked[0]?.[1] ?? 0)))
      .map(([family]) => ({ family, events: period.filter((e) => familyIn(e) === family) }))
      .sort((a, b) => median(a.events) - median(b.events));
    if (chosen.length === 0) chosen.push({ family: OTHER, events: [] });
    for (const e of period) {
      if (chosen.some((c) => c.family === familyIn(e))) continue;
      const nearest = [...chosen].sort(
        (a, b) =>
          Math.abs((a.events.length ? median(a.events) : mid(e)) - mid(e)) -
          Math.abs((b.events.length ? median(b.events) : mid(e)) - mid(e)),
      )[0];
      nearest?.events.push(e);
    }
    for (const c of chosen) {
      const ordered = c.events.sort((a, b) => mid(a) - mid(b) || byDate(a, b));
      const label = labelOf(c.family, ordered);
      const previous = phases[phases.length - 1];
      if (previous && previous.label === label) previous.events.push(...ordered.map((e) => e.id));
      else phases.push({ label, family: c.family, events: ordered.map((e) => e.id) });
    }
  }
  return phases;
}

/** The label of a phase of reports of no particular kind. */
const REPORTS_LABEL = "reports";

/** The family of a phase of mere reports. */
const OTHER = "other";

/** The family of actions an event tells; none for statements and the like. */
function familyOf(event: Event): string | undefined {
  return event.action?.family;
}

/**
 * A phase's label: the action its events of the family tell most (weighted by corroboration;
 * of equals, the earliest), with the `distinctive` place its principal event (the most
 * corroborated, then the earliest) names: "Tehran talks", "Gulf spill".
 */
function phaseLabel(
  family: string,
  run: Event[],
  byId: Map<string, Entity>,
  distinctive: (id: string) => boolean,
): string {
  if (family === OTHER) return REPORTS_LABEL;
  // The label is told by the family's own actions (an offensive's deaths do not name it).
  const own = run.filter((e) => familyOf(e) === family);
  const told = own.length > 0 ? own : run;
  const weights = new Map<string, number>();
  for (const e of told) {
    const label = e.action?.label;
    if (label) weights.set(label, (weights.get(label) ?? 0) + e.corroboration);
  }
  // The heaviest; of equals, the one told first.
  let label = family;
  let heaviest = 0;
  for (const [candidate, weight] of weights)
    if (weight > heaviest) [label, heaviest] = [candidate, weight];
  const principal = [...told].sort((a, b) => b.corroboration - a.corroboration || byDate(a, b))[0];
  // A place the principal event's reports mostly name, and two articles at least of the
  // phase's: never a one-off, nor a place its reports only pass by.
  const place = principal?.entities.find(
    (id) =>
      distinctive(id) &&
      reportsNaming(principal, byId.get(id)) * 2 >= principal.mentions.length &&
      articlesNaming(run, byId.get(id)) >= 2,
  );
  return place ? `${byId.get(place)?.name} ${label}` : label;
}

/** Articles whose reports among `events` name the entity (by its name or an alias). */
function articlesNaming(events: readonly Event[], entity: Entity | undefined): number {
  const articles = new Set<string>();
  for (const e of events)
    for (const m of e.mentions) if (names(m.text, entity)) articles.add(m.articleId);
  return articles.size;
}

/** The event's reports that name the entity. */
function reportsNaming(event: Event, entity: Entity | undefined): number {
  return event.mentions.filter((m) => names(m.text, entity)).length;
}

/**
 * A wire's dateline opening a report, the page's header run into it or not: "WASHINGTON
 * (Reuters) - ", "Wed Dec 15, 2010 … PORT FOURCHON, Louisiana (AP) — ".
 */
const WIRE_DATELINE = /^[^()]{0,120}\([^()]{1,40}\)\s*(?:-{1,2}|[–—])\s+/;

/** Whether the text gives the entity's name or one of its aliases, a wire's dateline aside. */
function names(text: string, entity: Entity | undefined): boolean {
  if (!entity) return false;
  const told = text.replace(WIRE_DATELINE, "");
  return [entity.name, ...entity.aliases].some((n) => told.includes(n));
}

/** Oldest first by start, then end; undated events last; ties by id. */
export function byDate(a: Event, b: Event): number {
  const x = a.date.start ?? "9999-99-99";
  const y = b.date.start ?? "9999-99-99";
  return (
    compareText(x, y) || compareText(a.date.end ?? "", b.date.end ?? "") || compareText(a.id, b.id)
  );
}
