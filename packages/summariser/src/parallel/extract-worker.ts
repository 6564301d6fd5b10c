// The worker thread of an extraction pool: reads each batch of articles it is sent, in order, with
// the pool's extraction options (its `workerData`). A read ahead comes with a claim shared with the
// calling thread, which may have taken it back (or dropped it) before this thread comes to it: it
// is then answered with nothing.
import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "@briefing/core";
import type { ExtractMentionsOptions } from "../mentions/extract-mentions.js";
import { readSafely } from "./read-safely.js";

const options: ExtractMentionsOptions = workerData ?? {};

const UNCLAIMED = 0;
const READ_HERE = 1;

parentPort?.on("message", (batch: { articles: Article[]; claim?: Int32Array }) => {
  if (batch.claim && Atomics.compareExchange(batch.claim, 0, UNCLAIMED, READ_HERE) !== UNCLAIMED) {
    parentPort?.postMessage({ records: null });
    return;
  }
  parentPort?.postMessage({
    records: batch.articles.map((article) => readSafely(article, options)),
  });
});
