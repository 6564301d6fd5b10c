import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let exceptions: Map<string, string> | undefined;

/**
 * WordNet's irregular inflections (went → go, geese → goose, better → good) as wink-lexicon ships
 * them; ROUGE-1.5.5 looks a word up here before stemming it. Loaded on first use.
 */
export function morphologicalExceptions(): ReadonlyMap<string, string> {
  if (exceptions) return exceptions;
  exceptions = new Map();
  for (const list of ORDER) {
    const entries = require(`wink-lexicon/src/wn-${list}-exceptions.js`) as Record<string, string>;
    for (const [word, base] of Object.entries(entries))
      if (!exceptions.has(word)) exceptions.set(word, base);
  }
  return exceptions;
}

const ORDER = ["verb", "adjective", "noun"] as const;
