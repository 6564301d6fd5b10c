import { fScore, type Scores } from "./date-scores.js";
import { gramCounts, ngrams, type RougeCounts, rougeCounts, rougeTokens } from "./rouge-counts.js";
import type { Timeline } from "./timeline.js";

/** Concatenation and alignment ROUGE-1 and -2 of one predicted timeline. */
export interface RougeScores {
  concat: { rouge1: Scores; rouge2: Scores };
  align: { rouge1: Scores; rouge2: Scores };
}

const DAY_MS = 86_400_000;
const ordinal = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * ROUGE-1/2 of a predicted timeline against reference timelines, two ways: "concat" (all daily
 * summaries joined) and "align+ m:1" (Martschat and Markert 2017): every predicted day is matched
 * with its cheapest reference day, cost `(1 − 1/(|Δdays|+1)) × (1 − unigram F1)` on whitespace
 * tokens, and for recall every reference day with its cheapest predicted day; matched n-grams count
 * `1/(|Δdays|+1)`.
 */
export function rougeScores(predicted: Timeline, references: readonly Timeline[]): RougeScores {
  const all = (t: Timeline) => [...t.values()].flat();
  const concat = [1, 2].map((n) =>
    toScores(
      rougeCounts(
        rougeTokens(all(predicted)),
        references.map((r) => rougeTokens(all(r))),
        n,
      ),
    ),
  );
  const align = [1, 2].map((n) => alignScores(predicted, references, n));
  return {
    concat: { rouge1: concat[0] as Scores, rouge2: concat[1] as Scores },
    align: { rouge1: align[0] as Scores, rouge2: align[1] as Scores },
  };
}

function toScores(c: RougeCounts): Scores {
  const precision = c.peer === 0 ? 0 : c.hits / c.peer;
  const recall = c.model === 0 ? 0 : c.hits / c.model;
  return { precision, recall, f: fScore(precision, recall) };
}

/** One day's text, counted once for every comparison it takes part in. */
interface DayCounts {
  grams: ReadonlyMap<string, number>;
  /** Whitespace tokens for the alignment cost, and how many there are. */
  words: ReadonlyMap<string, number>;
  wordTotal: number;
}

function dayCounts(sentences: readonly string[], n: number): DayCounts {
  const words = new Map<string, number>();
  let wordTotal = 0;
  for (const sentence of sentences)
    for (const word of sentence.split(/\s+/)) {
      if (!word) continue;
      words.set(word, (words.get(word) ?? 0) + 1);
      wordTotal++;
    }
  return { grams: ngrams(rougeTokens(sentences), n), words, wordTotal };
}

function alignScores(predicted: Timeline, references: readonly Timeline[], n: number): Scores {
  const predDays = [...predicted.keys()].sort();
  const refDays = [...new Set(references.flatMap((r) => [...r.keys()]))].sort();
  const pred = new Map(predDays.map((day) => [day, dayCounts(predicted.get(day) ?? [], n)]));
  // A reference day stands for every reference timeline, empty where one lacks the day (tilse).
  const refs = new Map(
    refDays.map((day) => [day, references.map((r) => dayCounts(r.get(day) ?? [], n))]),
  );
  const empty = references.map(() => dayCounts([], n));
  const at = <T>(map: ReadonlyMap<string, T>, day: string) => map.get(day) as T;
  const weight = (a: string, b: string) => 1 / (Math.abs(ordinal(a) - ordinal(b)) + 1);
  const cost = (p: string, r: string) =>
    (1 - weight(p, r)) * (1 - approximateF1(at(pred, p), at(refs, r)));
  let precisionHits = 0;
  let precisionTotal = 0;
  for (const day of predDays) {
    const ref = cheapest(refDays, (r) => cost(day, r));
    const models = ref === undefined ? empty : at(refs, ref);
    const counts = gramCounts(
      at(pred, day).grams,
      models.map((m) => m.grams),
    );
    precisionHits += ref === undefined ? 0 : weight(day, ref) * counts.hits;
    precisionTotal += counts.peer;
  }
  let recallHits = 0;
  let recallTotal = 0;
  for (const day of refDays) {
    const match = cheapest(predDays, (p) => cost(p, day));
    const peer = match === undefined ? new Map<string, number>() : at(pred, match).grams;
    const counts = gramCounts(
      peer,
      at(refs, day).map((m) => m.grams),
    );
    recallHits += match === undefined ? 0 : weight(match, day) * counts.hits;
    recallTotal += counts.model;
  }
  const precision = precisionTotal === 0 ? 0 : precisionHits / precisionTotal;
  const recall = recallTotal === 0 ? 0 : recallHits / recallTotal;
  return { precision, recall, f: fScore(precision, recall) };
}

/** The first candidate of least cost, as numpy's argmin picks it. */
function cheapest(candidates: readonly string[], cost: (c: string) => number): string | undefined {
  let best: string | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const value = cost(c);
    if (value < bestCost) {
      best = c;
      bestCost = value;
    }
  }
  return best;
}

/** Unigram F1 on raw whitespace tokens against every reference, as tilse's alignment cost uses it. */
function approximateF1(predicted: DayCounts, references: readonly DayCounts[]): number {
  let match = 0;
  let refTotal = 0;
  for (const reference of references) {
    refTotal += reference.wordTotal;
    for (const [word, count] of predicted.words)
      match += Math.min(count, reference.words.get(word) ?? 0);
  }
  const precisionDenominator = references.length * predicted.wordTotal;
  const precision = precisionDenominator === 0 ? 0 : match / precisionDenominator;
  const recall = refTotal === 0 ? 0 : match / refTotal;
  return fScore(precision, recall);
}
