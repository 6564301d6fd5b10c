import { resolve } from "node:path";
import { type Article, dayEstimate } from "@briefing/core";
import { cleanDraft } from "@briefing/core/ingest";
import { buildBriefing, readArticles } from "@briefing/summariser";
import {
  type ProtocolResult,
  runProtocol,
  type TimelineScores,
  type TimelineSystem,
  type TopicArticle,
} from "@briefing/tls";
import { alignedTable } from "./aligned-table.js";

/** Options of {@link runEvalTls}. */
export interface EvalTlsOptions {
  /** Print the JSON figures instead of the table. */
  json?: boolean;
  /** A folder to write each predicted timeline to. */
  predictions?: string;
  /** Threads to read on, the calling one included. */
  threads: number;
  /** The folder relative paths are read from. */
  cwd: string;
  /** The clock the seconds per topic are measured with. */
  clock: () => number;
}

/** What {@link runEvalTls} prints: the table or JSON, the warnings, and the exit code. */
export interface EvalTlsResult {
  output: string;
  warnings: string[];
  code: number;
}

/**
 * The Timeline17 protocol over topic folders with the briefing's own ranked selection: date F1 and
 * alignment ROUGE-1/2 per gold timeline and averaged, the gold timelines' scores against each
 * other (the human reference), and the seconds per topic.
 */
export async function runEvalTls(dirs: string[], options: EvalTlsOptions): Promise<EvalTlsResult> {
  if (dirs.length === 0)
    return { output: "", warnings: ["expected one or more topic folders"], code: 2 };
  const result = await runProtocol(
    dirs.map((d) => resolve(options.cwd, d)),
    {
      system: briefingSelection(options.threads),
      clock: options.clock,
      ...(options.predictions ? { predictionsDir: resolve(options.cwd, options.predictions) } : {}),
    },
  );
  return {
    output: options.json ? `${JSON.stringify(jsonOf(result))}\n` : tableOf(result),
    warnings: result.problems,
    code: result.timelines.length === 0 ? 2 : 0,
  };
}

/**
 * The briefing's ranked selection under the protocol's budget: `buildBriefing` over the task's
 * articles (each read once per topic, names and figures included) with the task's days × entries
 * as its timeline's budget and its window as the period.
 */
export function briefingSelection(threads: number): TimelineSystem {
  return {
    async prepare(articles) {
      const converted = articlesOf(articles);
      const { records } = await readArticles({ articles: converted }, { threads });
      return (task) => {
        const ids = new Set(task.articles.map((a) => a.id));
        const chosen = converted.flatMap((a, i) => (ids.has(a.id) ? [i] : []));
        const briefing = buildBriefing(
          {
            articles: chosen.map((i) => converted[i] as Article),
            records: chosen.map((i) => records[i] ?? []),
            readProblems: [],
          },
          {
            now: new Date(0),
            since: task.from,
            until: task.to,
            timelineBudget: { kind: "dates", dates: task.dates, perDate: task.sentencesPerDate },
          },
        );
        const days = new Map<string, string[]>();
        for (const entry of briefing.timeline)
          days.set(entry.day, [...(days.get(entry.day) ?? []), entry.text]);
        return days;
      };
    },
  };
}

/**
 * A topic's articles as `briefing brief` reads a Timeline17 JSONL line: one paragraph a line,
 * cleaned as every format is (treebank tokens undone, credits and comments out), published on
 * the task's day.
 */
function articlesOf(articles: readonly TopicArticle[]): Article[] {
  return articles.map((a): Article => {
    const draft = cleanDraft({
      title: "",
      paragraphs: a.text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      dates: [],
      origin: { path: a.id, format: "jsonl" },
    });
    return {
      id: a.id,
      title: "",
      paragraphs: draft.paragraphs,
      language: "en",
      published: dayEstimate(a.day, [{ text: a.day, rule: "metadata" }], 0.95),
      origins: [{ path: a.id, format: "jsonl" }],
      publisher: a.id.split("/")[0] as string,
    };
  });
}

function jsonOf(result: ProtocolResult) {
  const seconds =
    result.topics.reduce((sum, t) => sum + t.seconds, 0) / Math.max(1, result.topics.length);
  return {
    timelines: result.timelines.map((t) => ({
      topic: t.topic,
      timeline: `${t.folder}/${t.file}`,
      dates: t.dates,
      sentences_per_date: t.sentencesPerDate,
      articles: t.articles,
      date: t.date,
      ar1: t.ar1,
      ar2: t.ar2,
    })),
    date_f1: result.date.f,
    ar1_f: result.ar1.f,
    ar2_f: result.ar2.f,
    agreement: {
      pairs: result.agreement.pairs,
      date_f1: result.agreement.date.f,
      ar1_f: result.agreement.ar1.f,
      ar2_f: result.agreement.ar2.f,
    },
    seconds,
    topics: result.topics,
  };
}

function tableOf(result: ProtocolResult): string {
  // Precision, recall and F of the dates, then of alignment ROUGE-1 and ROUGE-2.
  const figures = (scores: TimelineScores) =>
    [scores.date, scores.ar1, scores.ar2].flatMap((s) =>
      [s.precision, s.recall, s.f].map((n) => n.toFixed(3)),
    );
  const rows = [
    ["timeline", "dates", "articles", "date P", "R", "F", "AR-1 P", "R", "F", "AR-2 P", "R", "F"],
    ...result.timelines.map((t) => [
      `${t.folder}/${t.file}`,
      String(t.dates),
      String(t.articles),
      ...figures(t),
    ]),
    ["mean (P, R averaged, then F)", "", "", ...figures(result)],
  ];
  const { agreement } = result;
  if (agreement.pairs > 0)
    rows.push([`gold against gold (${agreement.pairs} pairs)`, "", "", ...figures(agreement)]);
  // The names as wide as the longest; every number right-aligned under its heading.
  const lines = alignedTable(rows, (i) => i === 0);
  const times = result.topics.map(
    (t) => `${t.topic}: ${t.articles} articles in ${t.seconds.toFixed(2)} s`,
  );
  return `${lines.join("\n")}\n\n${times.join("\n")}\n`;
}
