import type { Article, Problem } from "@briefing/core";
import type { ExtractMentionsOptions, MentionRecord } from "../mentions/extract-mentions.js";
import { createExtractionPool } from "./extraction-pool.js";

/** A corpus with every article's sentences read: what {@link buildBriefing} is made from. */
export interface ArticlesRead {
  articles: readonly Article[];
  /** Each article's sentence records, one list per article, in the articles' order. */
  records: readonly (readonly MentionRecord[])[];
  /** Articles whose sentences could not be read (none read, the rest go on), each naming why. */
  readProblems: Problem[];
}

/**
 * Loads a corpus, handing each article to `onBuilt` as soon as it is built (it may still change
 * before the load ends: its dates inferred, duplicates folded), and telling `onRead` the corpus's
 * size in characters as soon as it knows it, so that worker threads large corpora are worth get
 * ready while it parses. `loadCorpus` of `@briefing/core/ingest` takes both as options.
 */
export type ArticleLoader<T> = (
  onBuilt: (articles: readonly Article[]) => Promise<void>,
  onRead: (size: { characters: number }) => void,
) => Promise<T>;

/** Options of {@link readArticles}. */
export interface ReadArticlesOptions {
  /** Threads to read on, the calling thread included; 1 reads everything on the calling thread. */
  threads: number;
  /** What each record holds ({@link extractMentions}'s options). Default: everything. */
  extraction?: ExtractMentionsOptions;
  /** Told after each batch of articles is read, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** The worker threads' script, for an app that bundles its own copy (`createExtractionPool`'s option). */
  workerScript?: string | URL;
}

/**
 * Reads the sentences of a corpus's articles on `threads` threads. Given a loader, reading starts
 * while the corpus still loads: the articles built so far are read on worker threads, and each
 * read whose input (id, paragraphs, publication date) is unchanged once loading ends is kept.
 * Every article is read on its own, so the records are those of one thread, in order, whatever
 * the thread count or timing; an article whose reading fails has no records and a problem naming
 * it, and the rest are read.
 *
 * @example
 * const read = await readArticles(
 *   (onBuilt, onRead) => loadCorpus(paths, { onBuilt, onRead }),
 *   { threads: 4 },
 * );
 * const briefing = buildBriefing(read, { now });
 */
export async function readArticles<T extends { articles: readonly Article[] }>(
  source: T | ArticleLoader<T>,
  options: ReadArticlesOptions,
): Promise<T & ArticlesRead> {
  const pool = createExtractionPool({
    threads: options.threads,
    ...(options.extraction ? { extraction: options.extraction } : {}),
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
  });
  try {
    const loaded =
      typeof source === "function"
        ? await source(pool.readAhead, ({ characters }) => pool.prepare(characters))
        : source;
    const readings = await pool.extract(
      loaded.articles,
      options.onProgress ? { onProgress: options.onProgress } : {},
    );
    const readProblems: Problem[] = [];
    const records = readings.map((reading, i) => {
      if (Array.isArray(reading)) return reading;
      const article = loaded.articles[i] as Article;
      readProblems.push({
        path: article.origins[0]?.path ?? article.id,
        message: `its sentences could not be read, so it is left out of the briefing: ${reading.failed}`,
        severity: "error",
      });
      return [];
    });
    return { ...loaded, records, readProblems };
  } finally {
    await pool.close();
  }
}
