import { daysBetween } from "../dates/calendar-day.js";
import { dayEstimate } from "../dates/day-estimate.js";
import { inferPublished, latestPastDate } from "../dates/infer-published.js";
import { parseDateLine } from "../dates/parse-date-line.js";
import { type DateEstimate, type DateEvidence, UNKNOWN_DATE } from "../model/date-estimate.js";
import type { DateCandidate } from "./article-draft.js";

const METADATA_CONFIDENCE = 0.95;
const DATE_LINE_CONFIDENCE = 0.7;
const HEADER_CONFIDENCE = 0.5;
const DISAGREEING_CONFIDENCE = 0.2;
/** A story whose own latest date lies this many days before its stated date, yet speaks of "this week". */
const DISAGREEMENT_DAYS = 42;
const NEAR_CUES =
  /\b(yesterday|today|tonight|this (?:week|morning|evening)|earlier this week|in recent days|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/**
 * The publication date of an article: what the source states for itself, metadata first (feed,
 * page meta, JSON-LD, front matter, JSON fields), then a date line in the text; every candidate
 * naming the chosen day is kept as evidence. A stated date is checked against the story's own
 * dates: one the story contradicts (it reports a later day as past, or its latest date lies weeks
 * earlier while it speaks of "this week") is kept with low confidence and says why, as is a date
 * printed above the headline, where sites show the day's date. With nothing stated, the date is
 * inferred from the story's own dates ({@link inferPublished}), else unknown.
 */
export function estimatePublished(candidates: readonly DateCandidate[], text = ""): DateEstimate {
  const read = candidates
    .map((candidate) => ({
      candidate,
      date: candidate.date ?? parseDateLine(candidate.text)?.date,
    }))
    .filter(
      (entry): entry is { candidate: DateCandidate; date: string } => entry.date !== undefined,
    );
  const chosen = read.find((entry) => !entry.candidate.rule.startsWith("date-line")) ?? read[0];
  if (!chosen) return text ? inferPublished(text) : UNKNOWN_DATE;
  const evidence: DateEvidence[] = read
    .filter((entry) => entry.date === chosen.date)
    .map((entry) => ({ text: entry.candidate.text, rule: entry.candidate.rule }));
  const rule = chosen.candidate.rule;
  let confidence = rule.startsWith("date-line")
    ? rule === "date-line:header"
      ? HEADER_CONFIDENCE
      : DATE_LINE_CONFIDENCE
    : METADATA_CONFIDENCE;
  if (rule === "date-line:header")
    evidence.push({
      text: "printed above the headline, where sites show the day's date",
      rule: "caution:header-date",
    });
  const disagreement = text ? disagreementWithStory(chosen.date, text) : null;
  if (disagreement) {
    evidence.push({ text: disagreement, rule: "caution:disagrees-with-story" });
    confidence = DISAGREEING_CONFIDENCE;
  }
  return dayEstimate(chosen.date, evidence, confidence);
}

/** Why the story's own dates contradict a stated publication day, or `null` when they do not. */
function disagreementWithStory(date: string, text: string): string | null {
  const latest = latestPastDate(text);
  const day = latest?.estimate.start;
  if (!latest || !day) return null;
  if (day > date) return `the story reports '${latest.text}' as past, after this date`;
  const gap = daysBetween(day, date);
  const cue = NEAR_CUES.exec(text);
  if (gap > DISAGREEMENT_DAYS && cue)
    return `the story's latest own date, '${latest.text}', is ${Math.round(gap / 7)} weeks earlier, yet it says '${cue[0]}'`;
  return null;
}
