import type { GoldTimeline } from "./read-topic.js";
import { type Timeline, timelineSpan } from "./timeline.js";
import { type TimelineScores, timelineScores } from "./timeline-scores.js";

/** One gold timeline scored as the prediction for another. */
export interface AgreementPair extends TimelineScores {
  /** The timeline scored against (`folder/file`). */
  gold: string;
  /** The timeline taken as the prediction, cut to the gold's first and last date. */
  other: string;
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
    const { from, to } = timelineSpan(gold.timeline);
    for (const other of timelines) {
      if (other === gold) continue;
      const predicted: Timeline = new Map(
        [...other.timeline].filter(([day]) => day >= from && day <= to),
      );
      pairs.push({
        gold: `${gold.folder}/${gold.file}`,
        other: `${other.folder}/${other.file}`,
        ...timelineScores(predicted, gold.timeline),
      });
    }
  }
  return pairs;
}
