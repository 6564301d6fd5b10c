import type { Article } from "@briefing/core";
import {
  type ExtractMentionsOptions,
  extractMentions,
  type MentionRecord,
} from "../mentions/extract-mentions.js";

/** One article's sentence records, or why they could not be read. */
export type ArticleReading = MentionRecord[] | { failed: string };

/**
 * `extractMentions` of one article that never throws: an error while reading it (a fault in the
 * reader or the language model on some text) becomes a failure naming what went wrong, with the
 * first frame of its stack, so that one article cannot stop a corpus.
 */
export function readSafely(article: Article, options: ExtractMentionsOptions): ArticleReading {
  try {
    return extractMentions(article, options);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const frame = e.stack
      ?.split("\n")
      .find((line) => /^\s+at /.test(line))
      ?.trim();
    return { failed: `${e.message}${frame ? ` (${frame})` : ""}` };
  }
}
