import { availableParallelism } from "node:os";
import { loadCorpus } from "@briefing/core/ingest";
import { buildBriefing, extractInParallel } from "@briefing/summariser";

/** One run of the pipeline over a corpus folder. */
export interface PipelineResult {
  articles: number;
  seconds: number;
  /** Where the time went: loading, reading sentences (on every core), the rest of the briefing. */
  loadSeconds: number;
  extractSeconds: number;
  buildSeconds: number;
  events: number;
  threads: number;
}

/**
 * `loadCorpus` and `buildBriefing` over a folder as `briefing brief` runs them: sentences read
 * on every core, the rest on one thread.
 */
export async function measurePipeline(dir: string): Promise<PipelineResult> {
  const threads = availableParallelism();
  const started = performance.now();
  const { articles, problems } = await loadCorpus([dir]);
  const loaded = performance.now();
  const records = await extractInParallel(articles, { threads });
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
