import { writeFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { Article, Problem } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { parseNow } from "../cli/parse-now.js";
import { renderCorpusReport } from "../render/render-corpus-report.js";

export const BRIEF_FORMATS = ["md", "json"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** Options of `briefing brief`. */
export interface BriefOptions {
  format: BriefFormat;
  out?: string;
  strict?: boolean;
  now?: string;
}

/**
 * `briefing brief [paths...]`: reads the corpus and writes what the pipeline has made of it.
 * Problems go to stderr; the exit code is 2 when nothing loaded, or with `--strict` when any
 * problem was found, else 0.
 */
export async function briefCommand(
  paths: string[],
  options: BriefOptions,
  io: CliIo,
): Promise<number> {
  const inputs = paths.length > 0 ? paths : ["corpus"];
  const now = parseNow(options.now, io.now);
  const result = await loadCorpus(inputs.map((p) => resolve(io.cwd, p)));
  const shown = relativePaths(result, io.cwd);
  const report = { inputs, ...shown };
  const output =
    options.format === "json"
      ? `${JSON.stringify({ generatedAt: now.toISOString(), ...report }, null, 2)}\n`
      : renderCorpusReport(report);
  if (options.out) await writeFile(resolve(io.cwd, options.out), output);
  else io.stdout(output);
  for (const problem of shown.problems)
    io.stderr(`${problem.severity}: ${problem.path}: ${problem.message}\n`);
  if (shown.articles.length === 0)
    throw new UsageError(`no article could be read from ${inputs.join(", ")}`);
  return options.strict && shown.problems.length > 0 ? 2 : 0;
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

export function assertFormat(value: string): BriefFormat {
  if ((BRIEF_FORMATS as readonly string[]).includes(value)) return value as BriefFormat;
  throw new UsageError(`--format: expected one of ${BRIEF_FORMATS.join(", ")}, found "${value}"`);
}
