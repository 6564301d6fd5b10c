import { rougeScores } from "./align-rouge.js";
import { dateScores, type Scores } from "./date-scores.js";
import type { GoldTimeline } from "./read-topic.js";
import type { Timeline } from "./timeline.js";

/** One gold timeline scored as the prediction for another. */
export interface AgreementPair {
  /** The timeline scored against (`folder/file`). */
  gold: string;
  /** The timeline taken as the prediction, cut to the gold's first and last date. */
  other: string;
  date: Scores;
  ar1: Scores;
  ar2: Scores;
}

/**
 * How far a topic's gold timelines agree with each other: every timeline in turn is the
 * prediction for every other, keeping only its dates within that gold timeline's first and last
 * date (the window a system is given). The scores are those a journalist's timeline of the same
 * story earns, a human reference for a system's.
 */
export function timelineAgreement(timelines: readonly GoldTimeline[]): AgreementPair[] {
  const pairs: AgreementPair[] = [];
  for (const gold of timelines) {
    const days = [...gold.timeline.keys()].sort();
    const from = days[0] ?? "";
    const to = days[days.length - 1] ?? "";
    for (const other of timelines) {
      if (other === gold) continue;
      const predicted: Timeline = new Map(
        [...other.timeline].filter(([day]) => day >= from && day <= to),
      );
      const rouge = rougeScores(predicted, [gold.timeline]);
      pairs.push({
        gold: `${gold.folder}/${gold.file}`,
        other: `${other.folder}/${other.file}`,
        date: dateScores(predicted, gold.timeline),
        ar1: rouge.align.rouge1,
        ar2: rouge.align.rouge2,
      });
    }
  }
  return pairs;
}
