import type { Timeline } from "./timeline.js";

/** Precision, recall and their harmonic mean. */
export interface Scores {
  precision: number;
  recall: number;
  f: number;
}

/** F1 of a precision and a recall (0 when both are 0). */
export function fScore(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Date selection against a reference: exact calendar days, as the TLS literature scores it. */
export function dateScores(predicted: Timeline, reference: Timeline): Scores {
  const hits = [...predicted.keys()].filter((day) => reference.has(day)).length;
  const precision = predicted.size === 0 ? 0 : hits / predicted.size;
  const recall = reference.size === 0 ? 0 : hits / reference.size;
  return { precision, recall, f: fScore(precision, recall) };
}
