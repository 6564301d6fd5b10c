import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Article, Problem } from "@briefing/core";
import { buildBriefing } from "@briefing/summariser";
import type { BriefFormat } from "../cli/brief-format.js";
import { UsageError } from "../cli/errors.js";
import { type CliIo, writeProblems } from "../cli/io.js";
import { parseCount } from "../cli/parse-count.js";
import { renderBriefing } from "../render/render-briefing.js";
import { renderCorpusReport } from "../render/render-corpus-report.js";
import { loadInputs, readInputs } from "./read-inputs.js";

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
  length?: string;
  maxWords?: string;
}

/** Options of `briefing ingest`. */
export type IngestOptions = Omit<
  BriefOptions,
  "topic" | "since" | "until" | "maxEvents" | "length" | "maxWords"
>;

/** The reading budgets of `--length`, in words of the body. */
const LENGTHS: Record<string, number> = { short: 600, standard: 1200, long: 2400 };

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
  const { inputs, shown, briefing } = await readAndBrief(paths, options, io);
  nothingRead(inputs, shown, io);
  return finish(await renderBriefing(briefing, options.format), shown, options, io);
}

/**
 * Reads the corpus and makes its briefing (`brief`, `preview`), filtered as the options ask.
 * Sentences are read on every core, starting while the corpus still loads.
 */
export async function readAndBrief(
  paths: string[],
  options: Pick<
    BriefOptions,
    "now" | "topic" | "since" | "until" | "maxEvents" | "length" | "maxWords"
  >,
  io: CliIo,
) {
  const read = await readInputs(paths, options, io);
  const briefing = buildBriefing(read.shown, {
    now: read.now,
    problems: read.shown.problems,
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.since ? { since: parseDay("--since", options.since) } : {}),
    ...(options.until ? { until: parseDay("--until", options.until) } : {}),
    ...(options.maxEvents ? { maxEvents: parseCount("--max-events", options.maxEvents) } : {}),
    ...(options.maxWords
      ? { maxWords: parseCount("--max-words", options.maxWords, 50) }
      : options.length
        ? { maxWords: LENGTHS[options.length] }
        : {}),
  });
  return { ...read, briefing };
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
  const { inputs, now, shown } = await loadInputs(paths, options, io);
  nothingRead(inputs, shown, io);
  const report = { inputs, ...shown };
  const output =
    options.format === "json"
      ? `${JSON.stringify({ generatedAt: now.toISOString(), ...report }, null, 2)}\n`
      : renderCorpusReport(report);
  return finish(output, shown, options, io);
}

async function finish(
  output: string,
  shown: { articles: Article[]; problems: Problem[] },
  options: { out?: string; strict?: boolean },
  io: CliIo,
): Promise<number> {
  if (options.out) await writeFile(resolve(io.cwd, options.out), output);
  else io.stdout(output);
  writeProblems(shown.problems, io);
  return options.strict && shown.problems.length > 0 ? 2 : 0;
}

/** With no article read, nothing is written: the problems say why, and the exit code is 2. */
function nothingRead(
  inputs: string[],
  shown: { articles: readonly Article[]; problems: Problem[] },
  io: CliIo,
): void {
  if (shown.articles.length > 0) return;
  writeProblems(shown.problems, io);
  throw new UsageError(`no article could be read from ${inputs.join(", ")}`);
}

function parseDay(flag: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new UsageError(`${flag}: expected a day as YYYY-MM-DD, found "${value}"`);
}
