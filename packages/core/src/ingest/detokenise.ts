/**
 * Text tokenised the Penn Treebank way, as research dumps ship news (Timeline17, CoNLL):
 * bracket words (`-LRB-`), quotes as two backticks and two apostrophes, clitics split off
 * (` 's`, ` n't`), a space before every punctuation mark.
 */
export function isTokenised(text: string): boolean {
  if (/-[LR][RSC]B-/.test(text) || /``/.test(text)) return true;
  const marks = (text.match(/[,.;:!?]/g) ?? []).length;
  const spaced = (text.match(/ [,.;:!?](?=\s|$)/g) ?? []).length;
  const clitics = (text.match(/ (?:'s|n't|'re|'ve|'ll|'d|'m)\b/gi) ?? []).length;
  return marks >= 5 && spaced * 2 >= marks && (clitics > 0 || spaced >= 10);
}

const BRACKETS: Record<string, string> = {
  "-LRB-": "(",
  "-RRB-": ")",
  "-LSB-": "[",
  "-RSB-": "]",
  "-LCB-": "{",
  "-RCB-": "}",
};

/** Penn Treebank text back to how it was written: brackets, quotes, clitics and spacing. */
export function detokenise(text: string): string {
  return (
    text
      .replace(/-[LR][RSC]B-/g, (word) => BRACKETS[word] ?? word)
      // Slashes and asterisks the treebank escapes: "11\/12".
      .replace(/\\([/*])/g, "$1")
      // Quotes: `` opens and '' closes; a lone ` opens a single quote.
      .replace(/``\s*/g, "“")
      .replace(/\s*''/g, "”")
      .replace(/`\s*/g, "‘")
      .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, "$1")
      // No space after an opening bracket, before a closing one or a punctuation mark.
      .replace(/([([{])\s+/g, "$1")
      .replace(/\s+([)\]}])/g, "$1")
      // A sentence ending in an abbreviation ends once: "the U.S. ." is "the U.S.".
      .replace(/(\S\.)\s+\.(?=\s|$|["”’)])/g, "$1")
      .replace(/\s+([,.;:!?%])(?=\s|$|["”’)])/g, "$1")
      .replace(/\s+'(?=\s|$|[,.;:!?])/g, "’")
      // Currency signs: "$ 75m", and the treebank's "#" for the pound sign.
      .replace(/\$\s+(?=\d)/g, "$")
      .replace(/(^|[\s(])#\s+(?=\d)/g, "$1£")
      .replace(/\s{2,}/g, " ")
      .trim()
  );
}
