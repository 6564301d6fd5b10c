// The worker thread of an extraction pool: reads each batch of articles it is sent, in order, with
// the pool's extraction options (its `workerData`). A read ahead comes with a claim shared with the
// calling thread, which may have taken it back (or dropped it) before this thread comes to it: it
// is then answered with nothing.
import { parentPort, workerData } from "node:worker_threads";
import { type Article, dayEstimate } from "@briefing/core";
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

/**
 * A story read once as the worker starts, before any batch comes: the first reading compiles the
 * date reader's patterns and the language model's caches (a third of a second), which the pool
 * may start early enough to hide. Reading is a function of the text alone, so later readings are
 * what they would have been. The pool is then told the worker is ready for batches.
 */
const WARM_UP: Article = {
  id: "warm-up",
  title: "Warm-up",
  paragraphs: [
    "On Monday, March 3, 2014, officials in the northern province of Valdora said three people were killed two days ago when rebels attacked a convoy near the town of Essel.",
    "Governor Ana Ruiz told reporters on Tuesday that talks with the rebel leader, Tomas Brand, would resume next week in the capital, and that 4,000 troops had been sent to the region last month.",
    'The United Nations said in a statement that it was "deeply concerned" by the fighting, which has displaced about 12,000 people since January.',
  ],
  language: "en",
  published: dayEstimate("2014-03-04", [{ text: "2014-03-04", rule: "metadata" }], 0.95),
  origins: [{ path: "warm-up.txt", format: "text" }],
};
readSafely(WARM_UP, options);
parentPort?.postMessage({ ready: true });
