/**
 * Whether a clause reports something that happened, something to come, or says neither (present
 * tense, "Shipments resume in September": news uses it for schedules and for headlines alike).
 */
export type Tense = "past" | "future" | "unmarked";

const FUTURE =
  /\b(will|shall|won't|going to|is to|are to|to be \w+ed|expects?|expecting|is expected|are expected|effective|of record|is due|are due|due to|due on|due by|scheduled|set to|plans? to|planned|expected to|intends? to|upcoming|next|coming|payable|expires?|expiring|deadline|as (soon|early) as)\b|'ll\b/i;
// Regular past forms end in -ed; the common irregular ones are listed.
const IRREGULAR_PAST =
  "was|were|had|did|said|told|held|took|met|came|became|fell|rose|went|gave|got|won|lost|left|fought|struck|led|sent|shot|broke|ran|spoke|wrote|stood|brought|found|thought|kept|paid|sold|built|hit|put|set|cut|fled|drew|drove|flew|grew|knew|began|bought|caught|chose|saw|made|heard|felt|meant|sat|slept|spent|stole|swept|threw|understood|woke|wore|withdrew|overran|overtook|underwent|sought|taught|forgot|hung|lay|laid|lit|rode|rang|sank|shook|shut|sprang|stuck|swore|swam|tore|upheld|beat|bore|bled|bent|bit|blew|dug|fed|forbade|forgave|froze|hid|hurt|let|lent|quit|read|rebuilt|spread|split";
const PAST = new RegExp(`\\b(${IRREGULAR_PAST}|last|ago|earlier)\\b|\\b\\w+ed\\b`, "i");

/**
 * The tense of the clause around a date expression. News reports the past by default; the future
 * needs a marker ("will", "is due to", "next", "plans to") in the clause before the date or right
 * after it, and no stronger past marker right next to it.
 */
export function detectTense(sentence: string, matchStart: number, matchEnd: number): Tense {
  const clauseStart =
    Math.max(sentence.lastIndexOf(",", matchStart - 1), sentence.lastIndexOf(";", matchStart - 1)) +
    1;
  const expression = sentence.slice(matchStart, matchEnd);
  if (/\b(next|coming)\b/i.test(expression)) return "future";
  if (/\b(last|past|ago|previous)\b/i.test(expression)) return "past";
  // The clause after the date ends at the next comma; a clause with no marker of its own takes
  // the tense of the sentence before it ("…stepped down as chairman, president and chief
  // executive in March").
  let after = sentence.slice(matchEnd, matchEnd + 40).split(/[,;]/)[0] ?? "";
  let before = sentence.slice(clauseStart, matchStart);
  const marked = (text: string) => FUTURE.test(text) || PAST.test(text);
  if (!marked(`${before.slice(-60)} ${expression} ${after}`)) {
    before = sentence.slice(0, matchStart);
    after = sentence.slice(matchEnd, matchEnd + 60);
  }
  const near = `${before.slice(-60)} ${expression} ${after}`;
  if (!FUTURE.test(near)) return PAST.test(near) ? "past" : "unmarked";
  // "will be held": the participle belongs to the future verb group, not to a past one.
  const future = lastIndex(FUTURE, before);
  const past = lastIndex(
    PAST,
    before.replace(FUTURE_GROUP, (group) => " ".repeat(group.length)),
  );
  return future >= past || FUTURE.test(after) ? "future" : "past";
}

/** The sentence around a position: from the previous sentence end to the next one. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { sentence: string; offset: number } {
  const before = text.slice(0, start);
  const boundary = Math.max(
    before.lastIndexOf(". "),
    before.lastIndexOf("! "),
    before.lastIndexOf("? "),
    before.lastIndexOf("\n"),
  );
  const from = boundary < 0 ? 0 : boundary + 2;
  const rest = text.slice(end).search(/[.!?](\s|$)|\n/);
  const to = rest < 0 ? text.length : end + rest + 1;
  return { sentence: text.slice(from, to), offset: from };
}

/** The tense of the clause around `text[start, end)`, read within its sentence. */
export function tenseAt(text: string, start: number, end: number): Tense {
  const { sentence, offset } = sentenceAround(text, start, end);
  return detectTense(sentence, start - offset, end - offset);
}

const FUTURE_GROUP = new RegExp(`(?:${FUTURE.source})(?:\\s+\\w+){0,3}`, "gi");

function lastIndex(pattern: RegExp, text: string): number {
  const global = new RegExp(pattern.source, "gi");
  let last = -1;
  for (const match of text.matchAll(global)) last = match.index ?? last;
  return last;
}
