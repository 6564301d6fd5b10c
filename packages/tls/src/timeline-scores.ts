import { rougeScores } from "./align-rouge.js";
import { dateScores, type Scores } from "./date-scores.js";
import type { Timeline } from "./timeline.js";

/** The protocol's three scores of a predicted timeline against a gold one. */
export function timelineScores(
  predicted: Timeline,
  gold: Timeline,
): { date: Scores; ar1: Scores; ar2: Scores } {
  const rouge = rougeScores(predicted, [gold]);
  return { date: dateScores(predicted, gold), ar1: rouge.align.rouge1, ar2: rouge.align.rouge2 };
}
