/** Options of {@link createMinHasher}. */
export interface MinHasherOptions {
  /** Number of hash functions in a signature. */
  hashes?: number;
  /** Words per shingle. */
  shingleSize?: number;
  seed?: number;
}

/** Word shingles and MinHash signatures of texts. */
export interface MinHasher {
  readonly hashes: number;
  /** The distinct hashed word shingles of `text`, sorted ascending. */
  shingles(text: string): Uint32Array;
  /** The MinHash signature of a shingle set. */
  signature(shingles: Uint32Array): Uint32Array;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Creates a MinHasher: texts become sets of hashed k-word shingles (lower-cased words), and a
 * signature keeps, for each of `hashes` hash functions, the smallest hash over the set; the share
 * of equal positions in two signatures estimates the Jaccard similarity of the two sets.
 *
 * @example
 * const hasher = createMinHasher({ hashes: 64, shingleSize: 5 });
 * const a = hasher.signature(hasher.shingles(textA));
 */
export function createMinHasher(options: MinHasherOptions = {}): MinHasher {
  const hashes = options.hashes ?? 64;
  const size = options.shingleSize ?? 5;
  const seeds = new Uint32Array(hashes);
  let state = (options.seed ?? 0x9e3779b9) >>> 0;
  for (let i = 0; i < hashes; i++) {
    state = mix32((state + 0x6d2b79f5) >>> 0);
    seeds[i] = state;
  }
  return {
    hashes,
    shingles(text) {
      const words = text.toLowerCase().match(WORD) ?? [];
      const count = Math.max(1, words.length - size + 1);
      const out = new Uint32Array(words.length === 0 ? 0 : count);
      for (let i = 0; i < out.length; i++)
        out[i] = hashWords(words, i, Math.min(size, words.length));
      return uniqueSorted(out);
    },
    signature(shingles) {
      const signature = new Uint32Array(hashes).fill(0xffffffff);
      for (let s = 0; s < shingles.length; s++) {
        const value = shingles[s] as number;
        for (let h = 0; h < hashes; h++) {
          const hashed = mix32((value ^ (seeds[h] as number)) >>> 0);
          if (hashed < (signature[h] as number)) signature[h] = hashed;
        }
      }
      return signature;
    },
  };
}

/** Exact Jaccard similarity of two sorted sets of shingle hashes. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

// FNV-1a over the words of one shingle, separated by a space.
function hashWords(words: readonly string[], from: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let w = from; w < from + count; w++) {
    const word = words[w] as string;
    for (let c = 0; c < word.length; c++) {
      hash = Math.imul(hash ^ word.charCodeAt(c), 0x01000193);
    }
    hash = Math.imul(hash ^ 32, 0x01000193);
  }
  return hash >>> 0;
}

// The finaliser of MurmurHash3: a fast, well-mixed 32-bit permutation.
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function uniqueSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i] as number;
  }
  return values.slice(0, n);
}
