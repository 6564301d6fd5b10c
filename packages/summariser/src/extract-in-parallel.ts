import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Article } from "@briefing/core";
import { extractMentions, type MentionRecord } from "./extract-mentions.js";

/** Options for {@link extractInParallel}. */
export interface ExtractInParallelOptions {
  /**
   * Threads to read on, the calling thread included (it reads too, between its messages to the
   * others); 1 or fewer reads every article on the calling thread.
   */
  threads: number;
  /**
   * Least articles worth a thread: a worker takes about 0.2 s to start (loading the language
   * model), the time to read some 250 articles. Default 256.
   */
  articlesPerThread?: number;
  /** Called after each batch with the articles read so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Articles read per batch: about 24 batches a thread, so that the threads finish together (a
 * worker holds two batches at the end while the calling thread may have none left), and between 8
 * and 64, large enough that messaging costs little.
 */
function batchSize(articles: number, threads: number): number {
  return Math.min(64, Math.max(8, Math.ceil(articles / (threads * 24))));
}

/**
 * `extractMentions` of every article, spread over the calling thread and worker threads. Each
 * article is read on its own (extraction depends on nothing else), so the records are the same as
 * on one thread, in the articles' order.
 */
export async function extractInParallel(
  articles: readonly Article[],
  options: ExtractInParallelOptions,
): Promise<MentionRecord[][]> {
  const perThread = Math.max(1, options.articlesPerThread ?? 256);
  const threads = Math.max(
    1,
    Math.min(Math.floor(options.threads), Math.floor(articles.length / perThread)),
  );
  const size = batchSize(articles.length, threads);
  const batches: Article[][] = [];
  for (let i = 0; i < articles.length; i += size) batches.push(articles.slice(i, i + size));
  const results: MentionRecord[][][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const finished = (index: number, records: MentionRecord[][]) => {
    results[index] = records;
    done += records.length;
    options.onProgress?.(done, articles.length);
  };
  const script = createRequire(import.meta.url).resolve("@briefing/summariser/extract-worker");
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(script));
  try {
    await Promise.all([
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inHand = 0;
            const send = () => {
              if (next >= batches.length) {
                if (inHand === 0) resolve();
                return;
              }
              const index = next++;
              inHand++;
              worker.postMessage({ index, articles: batches[index] });
            };
            worker.on("message", (reply: { index: number; records: MentionRecord[][] }) => {
              inHand--;
              finished(reply.index, reply.records);
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < batches.length || inHand > 0 || code !== 0)
                reject(new Error(`extraction worker stopped with code ${code}`));
            });
            // Two batches in hand, so that a worker does not wait while this thread reads.
            send();
            send();
          }),
      ),
      (async () => {
        while (next < batches.length) {
          const index = next++;
          finished(index, (batches[index] as Article[]).map(extractMentions));
          // Let the workers' replies in, and send them more.
          if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
        }
      })(),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
