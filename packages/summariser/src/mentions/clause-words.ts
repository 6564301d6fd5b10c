import type { Token } from "./analyse-text.js";

const RELATIVE = new Set(["which", "who", "whom", "whose", "that"]);
const CONTENT = new Set(["VERB", "NOUN", "ADJ"]);

/** A verb, noun or adjective of a sentence, whether it stands in a relative clause, and the token before it. */
export interface ClauseWord {
  token: Token;
  inRelative: boolean;
  previous: Token | undefined;
  /** Its place among the sentence's tokens. */
  index: number;
}

/**
 * A sentence's verbs, nouns and adjectives in order, each told whether it stands inside a
 * relative clause ("which has seized power"): one opens at a relative pronoun and closes at a
 * comma, semicolon or closing bracket. What a sentence reports is read from its main clause. The
 * words of a phrase opened by "since" are left out: it names an earlier event that a period is
 * counted from ("the worst fall since the September 11 attacks"), never the sentence's news; it
 * closes as a relative clause does.
 */
export function* clauseWords(tokens: readonly Token[]): Generator<ClauseWord> {
  let inRelative = false;
  let inSince = false;
  let previous: Token | undefined;
  for (const [index, token] of tokens.entries()) {
    if (token.normal === "since") inSince = true;
    else if (RELATIVE.has(token.normal) && token.pos !== "DET" && token.pos !== "SCONJ")
      inRelative = true;
    else if (token.value === "," || token.value === ";" || token.value === ")")
      inRelative = inSince = false;
    if (CONTENT.has(token.pos) && !inSince) yield { token, inRelative, previous, index };
    previous = token;
  }
}
