import { writeFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { Article, Problem } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { buildBriefing } from "@briefing/summariser";
import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { parseNow } from "../cli/parse-now.js";
import { renderBriefing } from "../render/render-briefing.js";
import { renderCorpusReport } from "../render/render-corpus-report.js";

export const BRIEF_FORMATS = ["md", "json", "html", "text", "mjml"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** Options of `briefing brief`. */
export interface BriefOptions {
  format: BriefFormat;
  out?: string;
  strict?: boolean;
  now?: string;
  topic?: string;
  since?: string;
  until?: string;
  maxEvents?: string;
}

/** Options of `briefing ingest`. */
export type IngestOptions = Omit<BriefOptions, "topic" | "since" | "until" | "maxEvents">;

/**
 * `briefing brief [paths...]`: reads the corpus and writes its briefing as Markdown, JSON, the
 * email's HTML or plain text, or the email's MJML source.
 * Problems go to stderr; the exit code is 2 when nothing loaded, or with `--strict` when any
 * problem was found, else 0.
 */
export async function briefCommand(
  paths: string[],
  options: BriefOptions,
  io: CliIo,
): Promise<number> {
  const { inputs, now, shown } = await readCorpus(paths, options, io);
  const briefing = buildBriefing(shown.articles, {
    now,
    problems: shown.problems,
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.since ? { since: parseDay("--since", options.since) } : {}),
    ...(options.until ? { until: parseDay("--until", options.until) } : {}),
    ...(options.maxEvents ? { maxEvents: parseCount("--max-events", options.maxEvents) } : {}),
  });
  return finish(await renderBriefing(briefing, options.format), inputs, shown, options, io);
}

/**
 * `briefing ingest [paths...]`: what ingestion made of the corpus (titles, dates with evidence,
 * furniture left out, leads, problems), Markdown or JSON.
 */
export async function ingestCommand(
  paths: string[],
  options: IngestOptions,
  io: CliIo,
): Promise<number> {
  const { inputs, now, shown } = await readCorpus(paths, options, io);
  const report = { inputs, ...shown };
  const output =
    options.format === "json"
      ? `${JSON.stringify({ generatedAt: now.toISOString(), ...report }, null, 2)}\n`
      : renderCorpusReport(report);
  return finish(output, inputs, shown, options, io);
}

async function readCorpus(paths: string[], options: { now?: string }, io: CliIo) {
  const inputs = paths.length > 0 ? paths : ["corpus"];
  const now = parseNow(options.now, io.now);
  const result = await loadCorpus(inputs.map((p) => resolve(io.cwd, p)));
  return { inputs, now, shown: relativePaths(result, io.cwd) };
}

async function finish(
  output: string,
  inputs: string[],
  shown: { articles: Article[]; problems: Problem[] },
  options: { out?: string; strict?: boolean },
  io: CliIo,
): Promise<number> {
  if (options.out) await writeFile(resolve(io.cwd, options.out), output);
  else io.stdout(output);
  for (const problem of shown.problems)
    io.stderr(`${problem.severity}: ${problem.path}: ${problem.message}\n`);
  if (shown.articles.length === 0)
    throw new UsageError(`no article could be read from ${inputs.join(", ")}`);
  return options.strict && shown.problems.length > 0 ? 2 : 0;
}

function parseDay(flag: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new UsageError(`${flag}: expected a day as YYYY-MM-DD, found "${value}"`);
}

function parseCount(flag: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`${flag}: expected a whole number, found "${value}"`);
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
