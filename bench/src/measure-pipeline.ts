import { availableParallelism } from "node:os";
import { loadCorpus } from "@briefing/core/ingest";
import { buildBriefing, createExtractionPool } from "@briefing/summariser";

/** One run of the pipeline over a corpus folder. */
export interface PipelineResult {
  articles: number;
  seconds: number;
  /**
   * Where the time went: loading (the workers reading ahead meanwhile), reading the rest of the
   * sentences (on every core), the rest of the briefing.
   */
  loadSeconds: number;
  extractSeconds: number;
  buildSeconds: number;
  events: number;
  threads: number;
}

/**
 * `loadCorpus` and `buildBriefing` over a folder as `briefing brief` runs them: sentences read
 * on every core (starting on the workers while the corpus loads), the rest on one thread.
 */
export async function measurePipeline(dir: string): Promise<PipelineResult> {
  const threads = availableParallelism();
  const started = performance.now();
  const pool = createExtractionPool({ threads });
  const { articles, problems } = await loadCorpus([dir], { onBuilt: pool.readAhead });
  const loaded = performance.now();
  const records = await pool.extract(articles).finally(() => pool.close());
  const read = performance.now();
  const briefing = buildBriefing(articles, { now: new Date(0), records, problems });
  const done = performance.now();
  return {
    articles: articles.length,
    seconds: (done - started) / 1000,
    loadSeconds: (loaded - started) / 1000,
    extractSeconds: (read - loaded) / 1000,
    buildSeconds: (done - read) / 1000,
    events: briefing.storylines.reduce((n, s) => n + s.events.length, 0),
    threads,
  };
}
