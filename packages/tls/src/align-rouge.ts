import { fScore, type Scores } from "./date-scores.js";
import { type RougeCounts, rougeCounts, rougeTokens } from "./rouge-counts.js";
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

function alignScores(predicted: Timeline, references: readonly Timeline[], n: number): Scores {
  const predDays = [...predicted.keys()].sort();
  const refDays = [...new Set(references.flatMap((r) => [...r.keys()]))].sort();
  const refsOn = (day: string) => references.map((r) => r.get(day) ?? []);
  const tokens = new Map<string, string[]>();
  const tokensOf = (key: string, sentences: readonly string[]) => {
    const known = tokens.get(key);
    if (known) return known;
    const made = rougeTokens(sentences);
    tokens.set(key, made);
    return made;
  };
  const peerOf = (day: string) => tokensOf(`p${day}`, predicted.get(day) ?? []);
  const modelsOf = (day: string) => refsOn(day).map((s, i) => tokensOf(`r${i}${day}`, s));
  const cost = (pred: string, ref: string) =>
    (1 - 1 / (Math.abs(ordinal(pred) - ordinal(ref)) + 1)) *
    (1 - approximateF1(predicted.get(pred) ?? [], refsOn(ref)));
  const weight = (a: string, b: string) => 1 / (Math.abs(ordinal(a) - ordinal(b)) + 1);
  let precisionHits = 0;
  let precisionTotal = 0;
  for (const pred of predDays) {
    const ref = cheapest(refDays, (r) => cost(pred, r));
    const counts =
      ref === undefined
        ? rougeCounts(
            peerOf(pred),
            references.map(() => []),
            n,
          )
        : rougeCounts(peerOf(pred), modelsOf(ref), n);
    precisionHits += ref === undefined ? 0 : weight(pred, ref) * counts.hits;
    precisionTotal += counts.peer;
  }
  let recallHits = 0;
  let recallTotal = 0;
  for (const ref of refDays) {
    const pred = cheapest(predDays, (p) => cost(p, ref));
    const counts = rougeCounts(pred === undefined ? [] : peerOf(pred), modelsOf(ref), n);
    recallHits += pred === undefined ? 0 : weight(pred, ref) * counts.hits;
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
function approximateF1(
  predicted: readonly string[],
  references: readonly (readonly string[])[],
): number {
  const count = (sentences: readonly string[]) => {
    const c = new Map<string, number>();
    for (const s of sentences)
      for (const t of s.split(/\s+/).filter(Boolean)) c.set(t, (c.get(t) ?? 0) + 1);
    return c;
  };
  const pred = count(predicted);
  const refs = references.map(count);
  let match = 0;
  for (const [token, n] of pred) for (const r of refs) match += Math.min(n, r.get(token) ?? 0);
  const predTotal = [...pred.values()].reduce((a, b) => a + b, 0);
  const refTotal = refs.reduce((sum, r) => sum + [...r.values()].reduce((a, b) => a + b, 0), 0);
  const precision = predTotal * refs.length === 0 ? 0 : match / (refs.length * predTotal);
  const recall = refTotal === 0 ? 0 : match / refTotal;
  return fScore(precision, recall);
}
