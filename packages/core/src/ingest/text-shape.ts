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

/**
 * A comparison key for lines: Unicode-normalised, lower case, quotes and dashes unified,
 * trailing ellipsis and outer white space removed.
 */
export function lineKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/(\.\.\.|…)\s*$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Lines of text with Windows and old Mac line ends unified and no-break spaces made plain. */
export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .split("\n");
}
