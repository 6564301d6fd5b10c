import type { DateEstimate, DateEvidence } from "../model/date-estimate.js";

/** A single-day estimate, as from a stated full date. */
export function dayEstimate(
  date: string,
  evidence: DateEvidence[],
  confidence: number,
): DateEstimate {
  return { start: date, end: date, precision: "day", evidence, confidence };
}
