/** Whether a clause reports something that happened or something to come. */
export type Tense = "past" | "future";

const FUTURE = /\b(will|shall|won't|going to|is to|are to|to be (held|signed|opened|released)|is due|are due|due to|scheduled|set to|plans? to|planned|expected to|intends? to|upcoming|next|coming)\b|'ll\b/i;
const PAST = /\b(was|were|had|did|said|told|held|took|met|agreed|announced|reported|confirmed|last|ago|earlier)\b|\b\w+ed\b/i;

/**
 * The tense of the clause around a date expression. News reports the past by default; the future
 * needs a marker ("will", "is due to", "next", "plans to") in the clause before the date or right
 * after it, and no stronger past marker right next to it.
 */
export function detectTense(sentence: string, matchStart: number, matchEnd: number): Tense {
  const clauseStart = Math.max(sentence.lastIndexOf(",", matchStart - 1), sentence.lastIndexOf(";", matchStart - 1)) + 1;
  const before = sentence.slice(clauseStart, matchStart);
  const expression = sentence.slice(matchStart, matchEnd);
  const after = sentence.slice(matchEnd, matchEnd + 40);
  if (/\b(next|coming)\b/i.test(expression)) return "future";
  if (/\b(last|past|ago|previous)\b/i.test(expression)) return "past";
  const near = `${before.slice(-60)} ${expression} ${after}`;
  if (!FUTURE.test(near)) return "past";
  const future = lastIndex(FUTURE, before);
  const past = lastIndex(PAST, before);
  return future >= past || FUTURE.test(after) ? "future" : "past";
}

function lastIndex(pattern: RegExp, text: string): number {
  const global = new RegExp(pattern.source, "gi");
  let last = -1;
  for (const match of text.matchAll(global)) last = match.index ?? last;
  return last;
}
