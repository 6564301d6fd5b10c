import type { Briefing } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { type ArticlesRead, buildBriefing, readArticles } from "@briefing/summariser";

/** The `now` every eval briefs at, so that its figures do not move with the clock. */
export const EVAL_NOW = new Date("2026-01-01T00:00:00Z");

/** A corpus as `briefing brief` reads it: its articles, problems and each article's records. */
export type CorpusRead = Awaited<ReturnType<typeof loadCorpus>> & ArticlesRead;

/**
 * Files or folders read as `briefing brief` reads them: loaded while their sentences are read on
 * `threads` threads.
 */
export function readAsBrief(paths: readonly string[], threads: number): Promise<CorpusRead> {
  return readArticles((onBuilt, onRead) => loadCorpus(paths, { onBuilt, onRead }), { threads });
}

/**
 * The default briefing of files or folders, made as `briefing brief` makes it: the corpus read
 * ({@link readAsBrief}), then briefed with no options but `now`.
 */
export async function defaultBriefing(
  paths: readonly string[],
  options: { threads: number; now?: Date },
): Promise<{ read: CorpusRead; briefing: Briefing }> {
  const read = await readAsBrief(paths, options.threads);
  const briefing = buildBriefing(read, { now: options.now ?? EVAL_NOW, problems: read.problems });
  return { read, briefing };
}
