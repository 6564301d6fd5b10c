import { isAbsolute, relative, resolve } from "node:path";
import type { Article, Problem } from "@briefing/core";
import { type LoadCorpusOptions, loadCorpus } from "@briefing/core/ingest";
import { readArticles } from "@briefing/summariser";
import type { CliIo } from "../cli/io.js";
import { parseNow } from "../cli/parse-now.js";
import { createProgressBar } from "../cli/progress-bar.js";

/**
 * Loads the corpus a command names (default `corpus/`), with paths inside the working folder shown
 * relative to it, and `--now` (or the clock) read. `load.onBuilt` is given the articles as they
 * are built, `load.onRead` the corpus's size once read.
 */
export async function loadInputs(
  paths: string[],
  options: { now?: string },
  io: CliIo,
  load: Pick<LoadCorpusOptions, "onBuilt" | "onRead"> = {},
) {
  const inputs = paths.length > 0 ? paths : ["corpus"];
  const now = parseNow(options.now, io.now);
  const bar = progressBar(io);
  const result = await loadCorpus(
    inputs.map((p) => resolve(io.cwd, p)),
    { ...load, onProgress: bar.update },
  );
  bar.finish();
  return { inputs, now, shown: relativePaths(result, io.cwd) };
}

/**
 * Set by the CLI's bundler (scripts/bundle-cli.mjs) to the bundled extraction worker, a file beside
 * the bundle's chunks; undefined when run from the compiled modules, which use the summariser's own.
 */
declare const BRIEFING_BUNDLED_WORKER: string | undefined;
const bundledWorker =
  typeof BRIEFING_BUNDLED_WORKER === "string"
    ? new URL(BRIEFING_BUNDLED_WORKER, import.meta.url)
    : undefined;

/**
 * Loads the corpus as {@link loadInputs} does and reads its articles' sentences on every core,
 * starting while it still loads (`readArticles`).
 */
export async function readInputs(paths: string[], options: { now?: string }, io: CliIo) {
  let loaded: Omit<Awaited<ReturnType<typeof loadInputs>>, "shown"> | undefined;
  const bar = progressBar(io);
  const read = await readArticles(
    async (onBuilt, onRead) => {
      const { shown, ...rest } = await loadInputs(paths, options, io, { onBuilt, onRead });
      loaded = rest;
      return shown;
    },
    {
      threads: io.cpus ?? 1,
      ...(bundledWorker ? { workerScript: bundledWorker } : {}),
      onProgress: (done, total) => bar.update({ stage: "extract", done, total }),
    },
  );
  bar.finish();
  // An article whose sentences could not be read is an input problem like any other.
  const shown = { ...read, problems: [...read.problems, ...read.readProblems] };
  return { ...(loaded as NonNullable<typeof loaded>), shown };
}

/** Paths inside the working folder are shown relative to it, as the user would type them. */
function relativePaths<T extends { articles: Article[]; problems: Problem[] }>(
  result: T,
  cwd: string,
): T {
  const show = (path: string): string => {
    const rel = relative(cwd, path);
    return rel.startsWith("..") || isAbsolute(rel) ? path : rel || ".";
  };
  return {
    ...result,
    articles: result.articles.map((a) => ({
      ...a,
      origins: a.origins.map((o) => ({ ...o, path: show(o.path) })),
    })),
    problems: result.problems.map((p) => ({ ...p, path: show(p.path) })),
    furniture: Object.fromEntries(
      Object.entries((result as { furniture?: Record<string, string[]> }).furniture ?? {}).map(
        ([k, v]) => [show(k), v],
      ),
    ),
  };
}

/** A progress bar on the command's stderr, drawn only when it is a terminal. */
export function progressBar(io: CliIo) {
  return createProgressBar({
    enabled: io.stderrTerminal !== undefined,
    write: io.stderr,
    ...(io.stderrTerminal ? { columns: io.stderrTerminal.columns } : {}),
  });
}
