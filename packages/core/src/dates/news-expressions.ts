import type { CandidateDate } from "./candidate-date.js";
import { tenseAt } from "./detect-tense.js";
import { NEWS_RULES } from "./news-rules.js";

/**
 * The news expressions chrono does not read as a reporter means them, resolved against `day`;
 * with `fallback`, only the rules that yield to any other reading (bare years).
 */
export function findNewsExpressions(
  text: string,
  day: string,
  options: { fallback: boolean } = { fallback: false },
): CandidateDate[] {
  const found: CandidateDate[] = [];
  const digit = /\d/.test(text);
  // Lower-cased when a rule with cues is first reached (the fallback rules have none).
  let lower: string | undefined;
  for (const rule of NEWS_RULES) {
    if ((rule.fallback ?? false) !== options.fallback) continue;
    if (rule.digit && !digit) continue;
    if (rule.cues.length > 0) {
      lower ??= text.toLowerCase();
      const cased = lower;
      if (!rule.cues.some((cue) => cased.includes(cue))) continue;
    }
    for (const match of text.matchAll(rule.pattern)) {
      const index = match.index ?? 0;
      const tense = tenseAt(text, index, index + match[0].length);
      const range = rule.resolve(match as RegExpExecArray, day, tense, text);
      if (!range) continue;
      found.push({
        index,
        text: match[0],
        start: range[0],
        end: range[1],
        rule: rule.name,
        confidence: rule.confidence,
        tense,
      });
    }
  }
  return found;
}
