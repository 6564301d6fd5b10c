// Small measurements of a line of text that the furniture rules share.

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/u;

/** Number of words made of letters in `text`. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Whether `text` has at most `max` words ({@link countWords}), counting no further than that. */
export function hasAtMostWords(text: string, max: number): boolean {
  // The same expression countWords matches with (which starts afresh, whatever its lastIndex).
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.exec(text) !== null) if (++words > max) return false;
  return true;
}

/** True when `text` ends as a sentence does, allowing closing quotes and brackets. */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Any white space but a single plain space: what {@link collapseWhitespace} has to change. */
const ODD_SPACE = /[^\S ]| {2}/;

/**
 * `text` with each run of white space made one space and its ends trimmed. Most of a page has
 * nothing to collapse, and is then only trimmed, without being copied.
 */
export function collapseWhitespace(text: string): string {
  return (ODD_SPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}

/**
 * Characters other than printable ASCII and line white space; the backtick too: all that
 * normalising or unifying can change (and a few control characters that it cannot).
 */
const MAY_NORMALISE = /[^\t\n\r -_a-~]/;

/**
 * A comparison key for lines: Unicode-normalised, lower case, quotes and dashes unified,
 * trailing ellipsis and outer white space removed.
 */
export function lineKey(text: string): string {
  // Plain ASCII is its own NFKC form and has no curly quote or dash to unify.
  const unified = MAY_NORMALISE.test(text)
    ? text
        .normalize("NFKC")
        .replace(/[‘’‚‛′`]/g, "'")
        .replace(/[“”„‟″«»]/g, '"')
        .replace(/[‐‑‒–—―]/g, "-")
    : text;
  return collapseWhitespace(unified.toLowerCase().replace(/(\.\.\.|…)\s*$/u, ""));
}

/** Lines of text with Windows and old Mac line ends unified and no-break spaces made plain. */
export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .split("\n");
}
