import {
  type Article,
  type DateEstimate,
  type Dispute,
  type Event,
  type EventAction,
  type EventKind,
  precisionOfSpan,
} from "@briefing/core";
import type { EntityIndex } from "../entities/build-entities.js";
import type { MentionRecord } from "../mentions/extract-mentions.js";
import { readsOnItsOwn, sentenceQuality } from "../mentions/sentence-quality.js";
import { addTo } from "../shared/add-to.js";
import { compareText } from "../shared/compare-text.js";
import { disjointSets } from "../shared/disjoint-sets.js";
import { nextPostingsRange } from "../shared/next-postings-range.js";
import { stableHash } from "../shared/stable-hash.js";
import { denseDot, type SparseVector, sparseVectors, spread, termCount } from "../shared/tf-idf.js";

/** What a report written before the event's first day weighs as its summary: a forecast. */
const FORECAST_WEIGHT = 0.5;

/** Options for {@link mergeEvents}. */
export interface MergeEventsOptions {
  /** Least TF-IDF cosine between two reports of one event. Default 0.3. */
  minSimilarity?: number;
}

/** Classes of things counted, so that "12 members" and "12 people" are compared. */
const COUNTED_CLASSES: Record<string, string> = {
  people: "people",
  person: "people",
  member: "people",
  delegate: "people",
  representative: "people",
  official: "people",
  fighter: "fighters",
  soldier: "fighters",
  militant: "fighters",
  troop: "fighters",
  combatant: "fighters",
  man: "fighters",
  civilian: "civilians",
  casualty: "casualties",
  village: "villages",
  district: "districts",
};
const CANDIDATE_NAMES = 3;
/** Reports compared with each report through one of its names: the next ones that name it. */
const MAX_POSTINGS = 64;

/**
 * Merges the reports of one event, across articles and within one, into an {@link Event}: the same
 * kind, dates that can be the same day, a shared name, and similar wording. Each event cites every
 * report; `corroboration` counts independent articles (one per publisher when known); figures
 * the articles disagree on make it `disputed`. Candidates are found through the rarest names a
 * report shares, never by comparing every pair.
 */
export function mergeEvents(
  records: readonly MentionRecord[],
  entities: EntityIndex,
  articles: readonly Article[],
  options: MergeEventsOptions = {},
): Event[] {
  const min = options.minSimilarity ?? 0.3;
  const vectors = sparseVectors(records.map((r) => r.terms));
  const ids = records.map((r) => [...new Set(r.names.map((n) => entities.idOf.get(n.text) ?? ""))]);
  // Posting lists by kind, then by entity: the reports of a kind that name it, ascending.
  const postings = new Map<string, Map<string, number[]>>();
  ids.forEach((list, i) => {
    const kind = (records[i] as MentionRecord).kind;
    const ofKind = postings.get(kind) ?? new Map<string, number[]>();
    postings.set(kind, ofKind);
    for (const id of list) addTo(ofKind, id, i);
  });

  const { find, join } = disjointSets(records.length);
  // Each report's days as numbers (20210905), 0 when it is undated; once merged, a cluster's root
  // holds the days all its reports allow.
  const first = Int32Array.from(records, (r) => dayNumber(r.date.start, r.date.end));
  const last = Int32Array.from(records, (r) => dayNumber(r.date.end, r.date.start));
  const pairs: [number, number, number][] = [];
  // The record each other one was last a candidate of, so that it is compared once.
  const seenBy = new Int32Array(records.length).fill(-1);
  // The report being compared, spread over all terms once it meets its first candidate.
  const dense = new Float64Array(termCount(vectors));
  records.forEach((record, i) => {
    let spreadOut = false;
    const rarest = [...(ids[i] as string[])]
      .sort(
        (a, b) =>
          (entities.counts.get(a) ?? 0) - (entities.counts.get(b) ?? 0) || compareText(a, b),
      )
      .slice(0, CANDIDATE_NAMES);
    const ofKind = postings.get(record.kind);
    for (const id of rarest) {
      const list = ofKind?.get(id) ?? [];
      const [from, to] = nextPostingsRange(list, i, MAX_POSTINGS);
      for (let k = from; k < to; k++) {
        const j = list[k] as number;
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        // Reports whose dates cannot be one day never merge, however alike.
        if (!mayOverlap(first, last, i, j)) continue;
        if (!spreadOut) spread(vectors[i] as SparseVector, dense);
        spreadOut = true;
        const similarity = denseDot(dense, vectors[j] as SparseVector);
        if (similarity >= min) pairs.push([similarity, i, j]);
      }
    }
    if (spreadOut) spread(vectors[i] as SparseVector, dense, true);
  });
  // Most similar first; a merge must leave the cluster a date all its reports allow.
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, j] of pairs) {
    const [x, y] = [find(i), find(j)];
    if (x === y || !mayOverlap(first, last, x, y)) continue;
    keepJointDays(first, last, join(x, y), x, y);
  }

  const clusters = new Map<number, number[]>();
  records.forEach((_, i) => {
    const root = find(i);
    addTo(clusters, root, i);
  });
  const publisherOf = new Map(articles.map((a) => [a.id, a.publisher ?? a.id]));
  const publishedOf = new Map(articles.map((a) => [a.id, a.published.start ?? ""]));
  const nameOf = new Map(entities.entities.map((e) => [e.id, e.name]));
  return [...clusters.values()].map((members) =>
    toEvent(
      members.map((i) => records[i] as MentionRecord),
      members.map((i) => vectors[i] as SparseVector),
      members.flatMap((i) => ids[i] as string[]),
      nameOf,
      publisherOf,
      publishedOf,
      dense,
    ),
  );
}

function toEvent(
  members: MentionRecord[],
  vectors: SparseVector[],
  entityIds: string[],
  nameOf: ReadonlyMap<string, string>,
  publisherOf: ReadonlyMap<string, string>,
  /** Each article's (first) publication day. */
  publishedOf: ReadonlyMap<string, string>,
  /** All zeros, as long as the vocabulary: where the members' weights are summed (and cleared). */
  total: Float64Array,
): Event {
  const mentions = members
    .map((r) => r.mention)
    .sort((a, b) => compareText(a.articleId, b.articleId) || a.sentence - b.sentence);
  // The summary is the report most like the others (the sum of its cosines to them: its dot
  // product with their sum, less its own), weighed by how well it stands alone as an entry and
  // reads out of its article ("However, …" does not), and halved when written before the event's
  // first day (what was expected, not what happened); among equals, the earliest in its article.
  // A report alone is its own summary.
  const date = jointDate(members);
  const centrality = vectors.length > 1 ? centralities(vectors, total) : [0];
  // Written before the event's first day; an article of unknown day forecasts nothing.
  const forecast = (r: MentionRecord) => {
    const published = publishedOf.get(r.mention.articleId);
    return !!published && date.start !== null && published < date.start;
  };
  const best = summaryOf(
    members,
    centrality,
    (r) =>
      sentenceQuality(r.mention.text) *
      readsOnItsOwn(r.mention.text) *
      (forecast(r) ? FORECAST_WEIGHT : 1),
  );
  const counts = new Map<string, number>();
  for (const id of entityIds) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ordered = [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([id]) => id);
  const names = ordered.slice(0, 3).map((id) => nameOf.get(id) ?? id);
  const kind = best.kind;
  const event: Event = {
    id: `event-${stableHash(mentions.map((m) => `${m.articleId}:${m.sentence}`).join("|"))}`,
    date,
    kind,
    title: names.length > 0 ? `${KIND_LABELS[kind]}: ${names.join(", ")}` : KIND_LABELS[kind],
    summary: best.mention.text,
    entities: ordered,
    mentions,
    corroboration: new Set(mentions.map((m) => publisherOf.get(m.articleId) ?? m.articleId)).size,
  };
  const action = commonAction(members, best);
  if (action) event.action = action;
  const disputed = disputes(members, event.date, publishedOf);
  if (disputed.length > 0) event.disputed = disputed;
  return event;
}

/**
 * The report with the best centrality × `weight` (a weight at most 1); among equals, the earliest
 * in its article, then by article. Reports are weighed in order of centrality, and no further once
 * centrality alone falls below the best found: most events' most central report stands alone.
 */
function summaryOf(
  members: readonly MentionRecord[],
  centrality: readonly number[],
  weight: (r: MentionRecord) => number,
): MentionRecord {
  if (members.length === 1) return members[0] as MentionRecord;
  const before = (a: { r: MentionRecord; score: number }, b: { r: MentionRecord; score: number }) =>
    b.score - a.score ||
    a.r.position - b.r.position ||
    compareText(a.r.mention.articleId, b.r.mention.articleId);
  const order = members
    .map((_, i) => i)
    .sort((a, b) => (centrality[b] as number) - (centrality[a] as number));
  let best: { r: MentionRecord; score: number } | undefined;
  for (const i of order) {
    const central = centrality[i] as number;
    if (best && central < best.score) break;
    const r = members[i] as MentionRecord;
    const candidate = { r, score: central * weight(r) };
    if (!best || before(candidate, best) < 0) best = candidate;
  }
  return (best as { r: MentionRecord }).r;
}

/** The action most of the reports tell; on a tie, the summary's, then the first told. */
function commonAction(members: readonly MentionRecord[], best: MentionRecord) {
  const counts = new Map<string, { action: EventAction; n: number }>();
  // The summary's action is met first (so that it wins a tie), and counted with the others.
  for (const [i, r] of [best, ...members].entries()) {
    if (!r.action) continue;
    const key = `${r.action.family}:${r.action.label}`;
    const entry = counts.get(key) ?? { action: r.action, n: 0 };
    entry.n += i === 0 ? 0 : 1;
    counts.set(key, entry);
  }
  let chosen: { action: EventAction; n: number } | undefined;
  for (const entry of counts.values()) if (!chosen || entry.n > chosen.n) chosen = entry;
  return chosen && { ...chosen.action };
}

/** Each vector's dot product with the sum of the others, summed in `total` (left all zeros). */
function centralities(vectors: readonly SparseVector[], total: Float64Array): number[] {
  for (const v of vectors)
    for (let k = 0; k < v.terms.length; k++) {
      const t = v.terms[k] as number;
      total[t] = (total[t] as number) + (v.weights[k] as number);
    }
  const scores = vectors.map((v) => {
    let score = 0;
    for (let k = 0; k < v.terms.length; k++) {
      const w = v.weights[k] as number;
      score += w * ((total[v.terms[k] as number] as number) - w);
    }
    return score;
  });
  for (const v of vectors) spread(v, total, true);
  return scores;
}

/** Human labels of event kinds, also used for phases. */
export const KIND_LABELS: Record<EventKind, string> = {
  talks: "talks",
  offensive: "offensive",
  capture: "capture",
  casualty: "casualties",
  proposal: "proposal",
  statement: "statement",
  agreement: "agreement",
  withdrawal: "withdrawal",
  appointment: "appointment",
  other: "report",
};

/** The range every dated report allows, with the evidence of the most precise report. */
function jointDate(members: MentionRecord[]): DateEstimate {
  const dated = members.filter((r) => r.date.start && r.date.end);
  if (dated.length === 0) return members[0]?.date as DateEstimate;
  const start = dated
    .map((r) => r.date.start as string)
    .sort()
    .at(-1) as string;
  const end = dated.map((r) => r.date.end as string).sort()[0] as string;
  const width = (r: MentionRecord) =>
    Date.parse(r.date.end as string) - Date.parse(r.date.start as string);
  const sharpest = [...dated].sort(
    (a, b) => width(a) - width(b) || b.date.confidence - a.date.confidence,
  )[0] as MentionRecord;
  if (start > end) return sharpest.date;
  const confidence = Math.min(0.99, Math.max(...dated.map((r) => r.date.confidence)));
  const narrowed = start !== sharpest.date.start || end !== sharpest.date.end;
  return {
    start,
    end,
    precision: precisionOfSpan(start, end),
    evidence: narrowed
      ? [
          ...sharpest.date.evidence,
          { text: `narrowed by ${dated.length} reports`, rule: "merged-reports" },
        ]
      : sharpest.date.evidence,
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** Figures this close (a tenth apart) agree: rounding, or a conversion. */
const SAME_FIGURE = 1.1;

/**
 * Figures articles give differently for the same class of thing counted, on an event of one day
 * (its joint `date`), among reports published on one day: a running total reported on later days
 * is not a dispute. Figures a tenth apart agree. The publication day with most articles in
 * disagreement is shown.
 */
function disputes(
  members: MentionRecord[],
  date: DateEstimate,
  publishedOf: ReadonlyMap<string, string>,
): Dispute[] {
  const { start, end } = date;
  if (start === null || start !== end) return [];
  // Class → publication day → article → figures.
  const byClass = new Map<string, Map<string, Map<string, Set<number>>>>();
  for (const r of members) {
    if (r.date.start !== start || r.date.end !== start) continue;
    const day = publishedOf.get(r.mention.articleId) ?? "";
    for (const n of r.numbers) {
      const cls = COUNTED_CLASSES[n.counted] ?? n.counted;
      const days = byClass.get(cls) ?? new Map<string, Map<string, Set<number>>>();
      byClass.set(cls, days);
      const perArticle = days.get(day) ?? new Map<string, Set<number>>();
      days.set(day, perArticle);
      const values = perArticle.get(r.mention.articleId) ?? new Set<number>();
      values.add(n.value);
      perArticle.set(r.mention.articleId, values);
    }
  }
  const found: Dispute[] = [];
  for (const [cls, days] of [...byClass].sort((a, b) => compareText(a[0], b[0]))) {
    const disagreeing = [...days]
      .filter(([, perArticle]) => disagree([...perArticle.values()]))
      .sort((a, b) => b[1].size - a[1].size || compareText(a[0], b[0]));
    const perArticle = disagreeing[0]?.[1];
    if (!perArticle) continue;
    const claims = new Map<number, string[]>();
    for (const [articleId, values] of perArticle)
      for (const value of values) addTo(claims, value, articleId);
    found.push({
      about: cls,
      claims: [...claims]
        .sort((a, b) => a[0] - b[0])
        .map(([value, articleIds]) => ({
          value: value.toLocaleString("en-US"),
          articleIds: articleIds.sort(compareText),
        })),
    });
  }
  return found;
}

/** Whether two articles give figures none of which agrees with any of the other's. */
function disagree(perArticle: readonly ReadonlySet<number>[]): boolean {
  const agrees = (a: number, b: number) =>
    Math.max(a, b) <= SAME_FIGURE * Math.min(a, b) || (a === 0 && b === 0);
  return perArticle.some((a, i) =>
    perArticle.some((b, j) => j > i && ![...a].some((x) => [...b].some((y) => agrees(x, y)))),
  );
}

/** An ISO day as a number that sorts the same (2021-09-05 → 20210905); 0 for an undated report. */
function dayNumber(day: string | null, other: string | null): number {
  if (!day || !other) return 0;
  return Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** Whether reports (or clusters) `i` and `j` can be of one day; an undated one allows any. */
function mayOverlap(first: Int32Array, last: Int32Array, i: number, j: number): boolean {
  const a = first[i] as number;
  const b = first[j] as number;
  if (a === 0 || b === 0) return true;
  return Math.max(a, b) <= Math.min(last[i] as number, last[j] as number);
}

/** Gives `root` the days that `x` and `y` both allow (an undated one allows any). */
function keepJointDays(first: Int32Array, last: Int32Array, root: number, x: number, y: number) {
  const a = first[x] as number;
  const b = first[y] as number;
  const [start, end] =
    a === 0
      ? [b, last[y] as number]
      : b === 0
        ? [a, last[x] as number]
        : [Math.max(a, b), Math.min(last[x] as number, last[y] as number)];
  first[root] = start;
  last[root] = end;
}
