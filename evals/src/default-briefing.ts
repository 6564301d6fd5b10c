import type { Briefing } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { type ArticlesRead, buildBriefing, readArticles } from "@briefing/summariser";

/** The `now` every eval briefs at, so that its figures do not move with the clock. */
export const EVAL_NOW = new Date("2026-01-01T00:00:00Z");

/**
 * The default briefing of files or folders, made as `briefing brief` makes it: the corpus loaded
 * while its sentences are read on `threads` threads, then briefed with no options but `now`.
 */
export async function defaultBriefing(
  paths: readonly string[],
  options: { threads: number; now?: Date },
): Promise<{ read: Awaited<ReturnType<typeof loadCorpus>> & ArticlesRead; briefing: Briefing }> {
  const read = await readArticles((onBuilt, onRead) => loadCorpus(paths, { onBuilt, onRead }), {
    threads: options.threads,
  });
  const briefing = buildBriefing(read, { now: options.now ?? EVAL_NOW, problems: read.problems });
  return { read, briefing };
}
