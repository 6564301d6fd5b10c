import type { Article } from "@briefing/core";
import type { MentionRecord } from "./extract-mentions.js";
import { createExtractionPool, type ExtractionPoolOptions } from "./extraction-pool.js";

/** Options for {@link extractInParallel}. */
export interface ExtractInParallelOptions extends ExtractionPoolOptions {
  /** Called after each batch with the articles read so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * `extractMentions` of every article, spread over the calling thread and worker threads (an
 * {@link createExtractionPool | extraction pool} made for the call). Each article is read on its
 * own (extraction depends on nothing else), so the records are the same as on one thread, in the
 * articles' order.
 */
export async function extractInParallel(
  articles: readonly Article[],
  options: ExtractInParallelOptions,
): Promise<MentionRecord[][]> {
  const pool = createExtractionPool(options);
  try {
    return await pool.extract(
      articles,
      options.onProgress ? { onProgress: options.onProgress } : {},
    );
  } finally {
    await pool.close();
  }
}
