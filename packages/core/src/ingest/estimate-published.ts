import { dayEstimate } from "../dates/day-estimate.js";
import { parseDateLine } from "../dates/parse-date-line.js";
import { type DateEstimate, type DateEvidence, UNKNOWN_DATE } from "../model/date-estimate.js";
import type { DateCandidate } from "./article-draft.js";

const METADATA_CONFIDENCE = 0.95;
const DATE_LINE_CONFIDENCE = 0.7;

/**
 * The publication date a source states for itself: metadata first (feed, page meta, JSON-LD, front
 * matter, JSON fields), then a date line in the text. Every candidate that names the chosen day is
 * kept as evidence. With no readable candidate the date is unknown; inferring a range from the
 * story's own dates is the date resolver's work.
 */
export function estimatePublished(candidates: readonly DateCandidate[]): DateEstimate {
  const read = candidates
    .map((candidate) => ({
      candidate,
      date: candidate.date ?? parseDateLine(candidate.text)?.date,
    }))
    .filter(
      (entry): entry is { candidate: DateCandidate; date: string } => entry.date !== undefined,
    );
  const chosen = read.find((entry) => !entry.candidate.rule.startsWith("date-line")) ?? read[0];
  if (!chosen) return UNKNOWN_DATE;
  const evidence: DateEvidence[] = read
    .filter((entry) => entry.date === chosen.date)
    .map((entry) => ({ text: entry.candidate.text, rule: entry.candidate.rule }));
  const fromMetadata = !chosen.candidate.rule.startsWith("date-line");
  return dayEstimate(
    chosen.date,
    evidence,
    fromMetadata ? METADATA_CONFIDENCE : DATE_LINE_CONFIDENCE,
  );
}
