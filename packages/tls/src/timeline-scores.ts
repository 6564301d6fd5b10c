import { rougeScores } from "./align-rouge.js";
import { dateScores, fScore, type Scores } from "./date-scores.js";
import type { Timeline } from "./timeline.js";

/** The protocol's three scores of a timeline: dates, alignment ROUGE-1 and ROUGE-2. */
export interface TimelineScores {
  date: Scores;
  ar1: Scores;
  ar2: Scores;
}

/** The protocol's three scores of a predicted timeline against a gold one. */
export function timelineScores(predicted: Timeline, gold: Timeline): TimelineScores {
  const rouge = rougeScores(predicted, [gold]);
  return { date: dateScores(predicted, gold), ar1: rouge.align.rouge1, ar2: rouge.align.rouge2 };
}

/**
 * Each score's precision and recall averaged over the list, then F (as the TLS literature
 * reports corpus scores); zeros for an empty list.
 */
export function meanScores(list: readonly TimelineScores[]): TimelineScores {
  return {
    date: average(list.map((s) => s.date)),
    ar1: average(list.map((s) => s.ar1)),
    ar2: average(list.map((s) => s.ar2)),
  };
}

function average(scores: readonly Scores[]): Scores {
  if (scores.length === 0) return { precision: 0, recall: 0, f: 0 };
  const precision = scores.reduce((sum, s) => sum + s.precision, 0) / scores.length;
  const recall = scores.reduce((sum, s) => sum + s.recall, 0) / scores.length;
  return { precision, recall, f: fScore(precision, recall) };
}
