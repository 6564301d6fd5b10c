import { availableParallelism } from "node:os";
import { loadCorpus } from "@briefing/core/ingest";
import { buildBriefing, readArticles } from "@briefing/summariser";

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
  let loaded = started;
  const read = await readArticles(
    async (onBuilt, onRead) => {
      const corpus = await loadCorpus([dir], { onBuilt, onRead });
      loaded = performance.now();
      return corpus;
    },
    { threads },
  );
  const readDone = performance.now();
  const briefing = buildBriefing(read, { now: new Date(0), problems: read.problems });
  const done = performance.now();
  return {
    articles: read.articles.length,
    seconds: (done - started) / 1000,
    loadSeconds: (loaded - started) / 1000,
    extractSeconds: (readDone - loaded) / 1000,
    buildSeconds: (done - readDone) / 1000,
    events: briefing.storylines.reduce((n, s) => n + s.events.length, 0),
    threads,
  };
}
