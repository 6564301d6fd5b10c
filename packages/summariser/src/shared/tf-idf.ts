import { numbering } from "./numbering.js";

/** Sparse TF-IDF vectors over bags of terms, L2-normalised, and their cosine. */
export type TermVector = Map<string, number>;

/** How many documents hold each term, out of how many. */
export interface DocumentFrequencies {
  df: ReadonlyMap<string, number>;
  documents: number;
}

/**
 * One normalised TF-IDF vector per bag, with document frequencies taken over all the bags, or
 * over a larger collection when `frequencies` is given.
 */
export function tfIdfVectors(
  bags: readonly (readonly string[])[],
  frequencies: DocumentFrequencies = frequenciesOf(bags),
): TermVector[] {
  const { df, documents: n } = frequencies;
  return bags.map((bag) => {
    const tf = new Map<string, number>();
    for (const term of bag) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vector: TermVector = new Map();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = tfIdfWeight(count, df.get(term) ?? 0, n);
      vector.set(term, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / length);
    return vector;
  });
}

/** Cosine of two normalised vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** A TF-IDF vector as parallel arrays: term numbers ascending, and their weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * {@link tfIdfVectors} as {@link SparseVector}s (terms numbered in order of first use), for
 * comparing many pairs: the dot product walks two sorted arrays instead of looking terms up.
 */
export function sparseVectors(bags: readonly (readonly string[])[]): SparseVector[] {
  const numberOf = numbering();
  const df: number[] = [];
  // Counts of the bag being read, by term number, left at 0 after each bag.
  const counts: number[] = [];
  const read = bags.map((bag) => {
    const found: number[] = [];
    for (const term of bag) {
      const number = numberOf(term);
      if (number === df.length) {
        df.push(0);
        counts.push(0);
      }
      if (counts[number] === 0) found.push(number);
      counts[number] = (counts[number] as number) + 1;
    }
    const terms = Int32Array.from(found).sort();
    const tf = new Int32Array(terms.length);
    for (let k = 0; k < terms.length; k++) {
      const number = terms[k] as number;
      tf[k] = counts[number] as number;
      counts[number] = 0;
      df[number] = (df[number] as number) + 1;
    }
    return { terms, tf };
  });
  const n = bags.length;
  return read.map(({ terms, tf }) => {
    const weights = new Float64Array(terms.length);
    let norm = 0;
    for (let k = 0; k < terms.length; k++) {
      const weight = tfIdfWeight(tf[k] as number, df[terms[k] as number] as number, n);
      weights[k] = weight;
      norm += weight * weight;
    }
    const length = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / length;
    return { terms, weights };
  });
}

/** Dot product of two sparse vectors: their cosine when both are normalised. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) dot += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** One more than the highest term number of any of the vectors: the length of a dense vector. */
export function termCount(vectors: readonly SparseVector[]): number {
  let count = 0;
  for (const v of vectors) count = Math.max(count, (v.terms[v.terms.length - 1] ?? -1) + 1);
  return count;
}

/**
 * Writes a vector's weights into `dense` at its term numbers, or zeroes them again with `clear`:
 * a vector compared with many others is spread once, and each {@link denseDot} then costs one
 * look-up per term of the other.
 */
export function spread(vector: SparseVector, dense: Float64Array, clear = false): void {
  for (let k = 0; k < vector.terms.length; k++)
    dense[vector.terms[k] as number] = clear ? 0 : (vector.weights[k] as number);
}

/**
 * `sparseDot(a, b)` when `dense` holds `a` spread: the same products summed in the same order
 * (ascending terms; a term `a` lacks adds +0), so the same number to the last bit.
 */
export function denseDot(dense: Float64Array, b: SparseVector): number {
  let dot = 0;
  for (let k = 0; k < b.terms.length; k++)
    dot += (dense[b.terms[k] as number] as number) * (b.weights[k] as number);
  return dot;
}

/** A term's weight: sublinear term frequency times smoothed inverse document frequency. */
function tfIdfWeight(count: number, documentsWithTerm: number, documents: number): number {
  return (1 + Math.log(count)) * Math.log((1 + documents) / (1 + documentsWithTerm) + 1);
}

/**
 * How many of the bags hold each term, each bag counted once: one look-up per term of a bag (the
 * count remembers the last bag that raised it).
 */
export function frequenciesOf(bags: readonly (readonly string[])[]): DocumentFrequencies {
  const counts = new Map<string, { documents: number; lastBag: number }>();
  bags.forEach((bag, i) => {
    for (const term of bag) {
      const count = counts.get(term);
      if (!count) counts.set(term, { documents: 1, lastBag: i });
      else if (count.lastBag !== i) {
        count.documents++;
        count.lastBag = i;
      }
    }
  });
  const df = new Map([...counts].map(([term, count]) => [term, count.documents]));
  return { df, documents: bags.length };
}
