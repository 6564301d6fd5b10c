import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

/**
 * A module loaded the first time it is needed, not when ingestion is imported: the HTML and feed
 * parsers (linkedom, feedsmith) cost ~100 ms each to load, and most corpora need neither.
 */
export function loadOnFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= load(id) as T;
    return loaded;
  };
}
