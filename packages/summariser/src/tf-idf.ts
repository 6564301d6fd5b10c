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
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + (df.get(term) ?? 0)) + 1);
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

function frequenciesOf(bags: readonly (readonly string[])[]): DocumentFrequencies {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of new Set(bag)) df.set(term, (df.get(term) ?? 0) + 1);
  return { df, documents: bags.length };
}
