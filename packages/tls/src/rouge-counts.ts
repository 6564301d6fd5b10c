import { stemmer } from "stemmer";
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
 * and `-` made a space, SMART stopwords removed, then tokens longer than 3 characters Porter-stemmed.
 */
export function rougeTokens(
  sentences: readonly string[],
  stopwords: ReadonlySet<string> = ROUGE_STOPWORDS,
): string[] {
  const tokens: string[] = [];
  for (const sentence of sentences) {
    const cleaned = sentence
      .toLowerCase()
      .replace(/-/g, " - ")
      .replace(/[^a-z0-9-]/g, " ");
    for (const token of cleaned.split(/\s+/)) {
      if (!token || stopwords.has(token)) continue;
      tokens.push(token.length > 3 ? stemmer(token) : token);
    }
  }
  return tokens;
}

/** ROUGE's stopword set: SMART's list and the bare hyphen its tokeniser splits off. */
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
  const peerGrams = ngrams(peer, n);
  const peerTotal = Math.max(0, peer.length - n + 1);
  let hits = 0;
  let model = 0;
  for (const reference of references) {
    const refGrams = ngrams(reference, n);
    model += Math.max(0, reference.length - n + 1);
    for (const [gram, count] of refGrams) hits += Math.min(count, peerGrams.get(gram) ?? 0);
  }
  return { hits, peer: peerTotal * references.length, model };
}
