// The worker thread of extractInParallel: reads each batch of articles it is sent.
import { parentPort } from "node:worker_threads";
import type { Article } from "@briefing/core";
import { extractMentions } from "./extract-mentions.js";

parentPort?.on("message", (batch: { index: number; articles: Article[] }) => {
  parentPort?.postMessage({ index: batch.index, records: batch.articles.map(extractMentions) });
});
