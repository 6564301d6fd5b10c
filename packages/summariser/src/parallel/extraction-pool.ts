import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Article } from "@briefing/core";
import { type ExtractMentionsOptions, sameExtractionInput } from "../mentions/extract-mentions.js";
import { type ArticleReading, readSafely } from "./read-safely.js";

/** Options of {@link createExtractionPool}. */
export interface ExtractionPoolOptions {
  /**
   * Threads to read on, the calling thread included (it reads too, between its messages to the
   * others); 1 or fewer reads every article on the calling thread.
   */
  threads: number;
  /**
   * Least text worth a thread, in characters of the articles' paragraphs: a worker takes about
   * half a second to start (loading its modules and the language model), about as long as reading
   * 100,000 characters takes. Default 100,000. Counted in text, not articles: a scraped page may
   * hold a hundred times a wire brief's words.
   */
  charactersPerThread?: number;
  /** What each record holds, on every thread ({@link extractMentions}'s options). */
  extraction?: ExtractMentionsOptions;
  /**
   * The worker's script, for an app that bundles its own copy of
   * `@briefing/summariser/extract-worker` (one file loads faster than the modules it is made of).
   * Default: that module, as Node resolves it from this package.
   */
  workerScript?: string | URL;
}

/**
 * `extractMentions` spread over the calling thread and worker threads, able to start before the
 * articles are final: while the calling thread is still loading a corpus, the workers read the
 * articles built so far ({@link ExtractionPool.readAhead}); {@link ExtractionPool.extract} then
 * takes each read whose input (id, paragraphs, publication date) is still the article's, and reads
 * the rest. Each article is read on its own, so the records are those of one thread.
 */
export interface ExtractionPool {
  /**
   * Told the size of a corpus still loading (its documents' characters, markup included): when
   * that is a thread's worth, a worker starts now, on a core the calling thread leaves idle while
   * it parses, rather than half a second after the first articles come. Reads ahead then go to
   * it whatever their size; the other workers start once they hold a thread's worth of text.
   */
  prepare(characters: number): void;
  /**
   * Hands articles that may still change to the workers, which read them while the calling thread
   * goes on; resolves at once, after letting the workers' replies in. Unless prepared, reads
   * nothing before enough text has come to be worth a worker.
   */
  readAhead(articles: readonly Article[]): Promise<void>;
  /** Every article's records, in order; reads ahead are used where their input is the same. */
  extract(
    articles: readonly Article[],
    options?: { onProgress?: (done: number, total: number) => void },
  ): Promise<ArticleReading[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

interface Batch {
  articles: readonly Article[];
  /** Where the batch's records go; a read ahead's are kept by article id instead. */
  done: ((records: ArticleReading[]) => void) | null;
  /**
   * A read ahead's claim, shared with its worker: 0 while unclaimed, then 1 once the worker
   * reads it, 2 once the calling thread took it back to read itself, 3 when no longer wanted.
   */
  claim?: Int32Array;
}

interface WorkerState {
  worker: Worker;
  /** The batches sent and not yet answered, in the order sent. */
  inHand: Batch[];
  /**
   * Whether the worker has started and read its warm-up story: only then is it fed batches the
   * calling thread would otherwise wait for (reads ahead, which it may take back, go at once).
   */
  ready: boolean;
}

const UNCLAIMED = 0;
const TAKEN_BACK = 2;
const DROPPED = 3;

/** Articles read ahead per message to a worker. */
const AHEAD_BATCH = 8;

/**
 * Articles read per batch: about 24 batches a thread, so that the threads finish together (a
 * worker holds two batches at the end while the calling thread may have none left), and between 8
 * and 64, large enough that messaging costs little.
 */
function batchSize(articles: number, threads: number): number {
  return Math.min(64, Math.max(8, Math.ceil(articles / (threads * 24))));
}

/**
 * The characters of the articles' paragraphs: what reading them costs. An article not as typed
 * (its reading will fail and be reported) counts for nothing.
 */
function characters(articles: readonly Article[]): number {
  let sum = 0;
  for (const article of articles)
    if (Array.isArray(article.paragraphs))
      for (const paragraph of article.paragraphs)
        if (typeof paragraph === "string") sum += paragraph.length;
  return sum;
}

/** Makes an {@link ExtractionPool}; close it when done. */
export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const perThread = Math.max(1, options.charactersPerThread ?? 100_000);
  const maxThreads = Math.max(1, Math.floor(options.threads));
  const script =
    options.workerScript ??
    createRequire(import.meta.url).resolve("@briefing/summariser/extract-worker");
  const extraction = { ...options.extraction };
  const read = (article: Article) => readSafely(article, extraction);
  const workers: WorkerState[] = [];
  /** Articles given to read ahead before there was a worker to send them to. */
  let waiting: Article[] = [];
  /** Characters of all the articles given to read ahead. */
  let aheadCharacters = 0;
  /** Reads ahead done, by article id. */
  const readAlready = new Map<string, { article: Article; records: ArticleReading }[]>();
  /** Batches that must be read, for workers and the calling thread alike. */
  const queue: Batch[] = [];
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const settle = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const keep = (articles: readonly Article[], records: readonly ArticleReading[]) => {
    articles.forEach((article, i) => {
      const list = readAlready.get(article.id) ?? [];
      list.push({ article, records: records[i] as ArticleReading });
      readAlready.set(article.id, list);
    });
  };
  const send = (state: WorkerState, batch: Batch) => {
    state.inHand.push(batch);
    state.worker.postMessage({ articles: batch.articles, claim: batch.claim });
  };
  // Two batches in hand, so that a worker does not wait while the calling thread reads.
  const feed = (state: WorkerState) => {
    if (!state.ready) return;
    while (state.inHand.length < 2 && queue.length > 0) send(state, queue.shift() as Batch);
  };
  // Reads ahead all go to the workers at once (the calling thread is busy): one that runs out of
  // work would wait until the calling thread next lets its messages in.
  const sendAhead = (articles: readonly Article[]) => {
    for (let i = 0; i < articles.length; i += AHEAD_BATCH) {
      const least = workers.reduce((a, b) => (b.inHand.length < a.inHand.length ? b : a));
      send(least, {
        articles: articles.slice(i, i + AHEAD_BATCH),
        done: null,
        claim: new Int32Array(new SharedArrayBuffer(4)),
      });
    }
  };
  const start = (count: number) => {
    while (workers.length < count - 1) {
      const state: WorkerState = {
        worker: new Worker(script, { workerData: extraction }),
        inHand: [],
        ready: false,
      };
      state.worker.on(
        "message",
        (reply: { records: ArticleReading[] | null } | { ready: true }) => {
          if ("ready" in reply) {
            state.ready = true;
            feed(state);
            return;
          }
          const batch = state.inHand.shift() as Batch;
          // A read ahead taken back or dropped is answered with nothing.
          if (reply.records && batch.done) batch.done(reply.records);
          else if (reply.records) keep(batch.articles, reply.records);
          feed(state);
          settle();
        },
      );
      const fail = (error: Error) => {
        failure ??= error;
        settle();
      };
      state.worker.on("error", fail);
      state.worker.on("exit", (code) => {
        if (!closing && (state.inHand.length > 0 || code !== 0))
          fail(new Error(`extraction worker stopped with code ${code}`));
      });
      workers.push(state);
    }
  };
  const claim = (batch: Batch, as: number): boolean =>
    batch.claim !== undefined &&
    Atomics.compareExchange(batch.claim, 0, UNCLAIMED, as) === UNCLAIMED;
  /** The unclaimed read ahead a worker would come to last. */
  const lastAhead = (): Batch | undefined => {
    for (const state of workers)
      for (let k = state.inHand.length - 1; k >= 0; k--) {
        const batch = state.inHand[k] as Batch;
        if (batch.claim && Atomics.load(batch.claim, 0) === UNCLAIMED) return batch;
      }
    return undefined;
  };
  /** No worker holds a batch the calling thread waits for: only reads ahead taken back or dropped. */
  const idle = () =>
    workers.every((state) =>
      state.inHand.every(
        (batch) => batch.claim !== undefined && Atomics.load(batch.claim, 0) >= TAKEN_BACK,
      ),
    );
  const waitForReply = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  /** The records of a read ahead of this article as it is now, each used once. */
  const reuse = (article: Article): ArticleReading | undefined => {
    const list = readAlready.get(article.id);
    const k = list?.findIndex((read) => sameExtractionInput(read.article, article)) ?? -1;
    return k < 0 ? undefined : list?.splice(k, 1)[0]?.records;
  };

  return {
    prepare(characters) {
      if (!failure && maxThreads >= 2 && characters >= perThread) start(2);
    },

    readAhead(articles) {
      if (failure || maxThreads < 2) return Promise.resolve();
      waiting.push(...articles);
      aheadCharacters += characters(articles);
      if (aheadCharacters >= perThread) start(maxThreads);
      if (workers.length === 0) return Promise.resolve();
      sendAhead(waiting);
      waiting = [];
      return new Promise((resolve) => setImmediate(resolve));
    },

    async extract(articles, extractOptions = {}) {
      waiting = [];
      aheadCharacters = 0;
      const total = articles.length;
      const results: (ArticleReading | undefined)[] = new Array(total);
      let done = 0;
      const progress = (count: number) => {
        done += count;
        extractOptions.onProgress?.(done, total);
      };
      // Reads ahead still on their way: those of no article as it is now are dropped.
      const wanted = new Map(articles.map((a) => [a.id, a]));
      const isWanted = (a: Article) => {
        const now = wanted.get(a.id);
        return now !== undefined && sameExtractionInput(a, now);
      };
      const coming = new Set<string>();
      for (const state of workers)
        for (const batch of state.inHand) {
          if (!batch.claim) continue;
          const useful = batch.articles.filter(isWanted);
          for (const a of useful) coming.add(a.id);
          if (useful.length === 0) claim(batch, DROPPED);
        }
      const later: number[] = [];
      const fresh: number[] = [];
      articles.forEach((article, i) => {
        const records = reuse(article);
        if (records) results[i] = records;
        else if (coming.has(article.id)) later.push(i);
        else fresh.push(i);
      });
      progress(total - later.length - fresh.length);
      const freshCharacters = characters(fresh.map((i) => articles[i] as Article));
      const threads = Math.max(
        workers.length + 1,
        Math.min(maxThreads, Math.floor(freshCharacters / perThread)),
      );
      const size = batchSize(fresh.length, threads);
      for (let b = 0; b < fresh.length; b += size) {
        const indices = fresh.slice(b, b + size);
        queue.push({
          articles: indices.map((i) => articles[i] as Article),
          done: (records) => {
            indices.forEach((index, k) => {
              results[index] = records[k];
            });
            progress(indices.length);
          },
        });
      }
      start(threads);
      for (const state of workers) feed(state);
      // The calling thread reads too, letting the workers' replies in between its batches; with
      // nothing left to hand out, it takes back the reads ahead the workers have not begun.
      for (;;) {
        const due = queue.shift();
        const back = due ? undefined : lastAhead();
        if (due?.done) due.done(due.articles.map(read));
        else if (back && claim(back, TAKEN_BACK)) {
          const useful = back.articles.filter(isWanted);
          keep(useful, useful.map(read));
        } else if (!due && !back) break;
        if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
        if (failure) throw failure;
      }
      while (!idle()) {
        if (failure) throw failure;
        await waitForReply();
      }
      if (failure) throw failure;
      // Articles read ahead: their records, or (read ahead as they were before) a read now.
      for (const i of later) {
        const article = articles[i] as Article;
        results[i] = reuse(article) ?? read(article);
      }
      progress(later.length);
      readAlready.clear();
      return results as ArticleReading[];
    },

    async close() {
      closing = true;
      await Promise.all(workers.map((state) => state.worker.terminate()));
      workers.length = 0;
    },
  };
}
