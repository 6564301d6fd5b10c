import { morphologicalExceptions } from "./morphological-exceptions.js";
import { rougeStem } from "./rouge-stem.js";
import { SMART_STOPWORDS } from "./smart-stopwords.js";

/** N-gram counts of one comparison, summed over references as ROUGE-1.5.5 does with raw counts. */
export interface RougeCounts {
  /** Matched n-grams (clipped by the smaller count), summed over references. */
  hits: number;
  /** The peer's n-grams, once per reference. */
  peer: number;
  /** The references' n-grams. */
  model: number;
}

/**
 * The tokens ROUGE-1.5.5 scores (`-m -s`): lowercased, `-` split off, anything but letters, digits
 * and `-` made a space, ROUGE's stopwords removed, then tokens longer than 3 characters stemmed
 * (WordNet's irregular forms first, then ROUGE's Porter variant).
 */
export function rougeTokens(
  sentences: readonly string[],
  stopwords: ReadonlySet<string> = ROUGE_STOPWORDS,
): string[] {
  const tokens: string[] = [];
  for (const sentence of sentences) {
    // ASCII letters only, as Perl's tr/A-Z/a-z/: other letters become spaces below.
    const cleaned = sentence
      .replace(/[A-Z]/g, (letter) => letter.toLowerCase())
      .replace(/-/g, " - ")
      .replace(/[^a-z0-9-]/g, " ");
    for (const token of cleaned.split(/\s+/)) {
      if (!token || stopwords.has(token)) continue;
      tokens.push(token.length > 3 ? stem(token) : token);
    }
  }
  return tokens;
}

/** ROUGE's stopword set: its list and the bare hyphen its tokeniser splits off. */
export const ROUGE_STOPWORDS: ReadonlySet<string> = new Set([...SMART_STOPWORDS, "-"]);

export function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(" ");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-n counts of a peer's tokens against each reference's tokens. */
export function rougeCounts(
  peer: readonly string[],
  references: readonly (readonly string[])[],
  n: number,
): RougeCounts {
  return gramCounts(
    ngrams(peer, n),
    references.map((r) => ngrams(r, n)),
  );
}

/** {@link rougeCounts} over n-gram counts already made, for callers that compare a text often. */
export function gramCounts(
  peer: ReadonlyMap<string, number>,
  references: readonly ReadonlyMap<string, number>[],
): RougeCounts {
  const total = (grams: ReadonlyMap<string, number>) => {
    let sum = 0;
    for (const count of grams.values()) sum += count;
    return sum;
  };
  let hits = 0;
  let model = 0;
  for (const reference of references) {
    model += total(reference);
    for (const [gram, count] of reference) hits += Math.min(count, peer.get(gram) ?? 0);
  }
  return { hits, peer: total(peer) * references.length, model };
}

/** ROUGE-1.5.5's MorphStem: WordNet's exception lists first (went → go), then Porter's stemmer. */
function stem(token: string): string {
  return morphologicalExceptions().get(token) ?? rougeStem(token);
}
