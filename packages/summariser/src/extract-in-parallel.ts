import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Article } from "@briefing/core";
import { extractMentions, type MentionRecord } from "./extract-mentions.js";

/** Options for {@link extractInParallel}. */
export interface ExtractInParallelOptions {
  /** Worker threads to use; 1 or fewer reads every article on the calling thread. */
  threads: number;
  /**
   * Least articles worth a thread: a worker takes about 0.2 s to start (loading the language
   * model), the time to read some 250 articles. Default 256.
   */
  articlesPerThread?: number;
  /** Called after each batch with the articles read so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Articles a worker reads per message: large enough that messaging costs little. */
const BATCH = 64;

/**
 * `extractMentions` of every article, spread over worker threads. Each article is read on its
 * own (extraction depends on nothing else), so the records are the same as on one thread, in the
 * articles' order.
 */
export async function extractInParallel(
  articles: readonly Article[],
  options: ExtractInParallelOptions,
): Promise<MentionRecord[][]> {
  const batches: Article[][] = [];
  for (let i = 0; i < articles.length; i += BATCH) batches.push(articles.slice(i, i + BATCH));
  const perThread = Math.max(1, options.articlesPerThread ?? 256);
  const threads = Math.min(
    Math.floor(options.threads),
    batches.length,
    Math.floor(articles.length / perThread),
  );
  if (threads <= 1) {
    return articles.map((article, i) => {
      const read = extractMentions(article);
      if ((i + 1) % BATCH === 0 || i + 1 === articles.length)
        options.onProgress?.(i + 1, articles.length);
      return read;
    });
  }
  const script = createRequire(import.meta.url).resolve("@briefing/summariser/extract-worker");
  const results: MentionRecord[][][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const index = next++;
              worker.postMessage({ index, articles: batches[index] });
            };
            worker.on("message", (reply: { index: number; records: MentionRecord[][] }) => {
              results[reply.index] = reply.records;
              done += reply.records.length;
              options.onProgress?.(done, articles.length);
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < batches.length || code !== 0)
                reject(new Error(`extraction worker stopped with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
