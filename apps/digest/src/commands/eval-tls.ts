import { resolve } from "node:path";
import { type Article, dayEstimate } from "@briefing/core";
import {
  buildTimeline,
  extractInParallel,
  extractMentions,
  TIMELINE_EXTRACTION,
} from "@briefing/summariser";
import {
  type ProtocolResult,
  runProtocol,
  type TimelineScores,
  type TimelineSystem,
  type TopicArticle,
} from "@briefing/tls";
import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { parseCount } from "../cli/parse-count.js";

/** Options of `briefing eval-tls`. */
export interface EvalTlsOptions {
  json?: boolean;
  predictions?: string;
  threads?: string;
}

/**
 * `briefing eval-tls <topic-dir>...`: runs the Timeline17 protocol with `buildTimeline` and prints
 * date F1 and alignment ROUGE-1/2 per gold timeline and averaged, the gold timelines' scores
 * against each other (the human reference), and the seconds per topic.
 */
export async function evalTlsCommand(
  dirs: string[],
  options: EvalTlsOptions,
  io: CliIo,
): Promise<number> {
  if (dirs.length === 0) throw new UsageError("eval-tls: expected one or more topic folders");
  const result = await runProtocol(
    dirs.map((d) => resolve(io.cwd, d)),
    {
      system: briefingTimelines(
        options.threads ? parseCount("--threads", options.threads, 1) : (io.cpus ?? 1),
      ),
      clock: () => io.now().getTime(),
      ...(options.predictions ? { predictionsDir: resolve(io.cwd, options.predictions) } : {}),
    },
  );
  for (const problem of result.problems) io.stderr(`warning: ${problem}\n`);
  io.stdout(options.json ? `${JSON.stringify(jsonOf(result))}\n` : tableOf(result));
  return result.timelines.length === 0 ? 2 : 0;
}

/**
 * The protocol's system: the summariser's `buildTimeline` over the task's articles, each article
 * read once per topic (without the names and figures a timeline does not use), on `threads`
 * threads.
 */
export function briefingTimelines(threads: number): TimelineSystem {
  return {
    async prepare(articles) {
      const { converted, original } = articlesOf(articles);
      const records = await extractInParallel(converted, {
        threads,
        extraction: TIMELINE_EXTRACTION,
      });
      const read = new Map(converted.map((article, i) => [article.id, records[i] ?? []]));
      const mentionsOf = (article: Article) =>
        read.get(article.id) ?? extractMentions(article, TIMELINE_EXTRACTION);
      return (task) => {
        const ids = new Set(task.articles.map((a) => a.id));
        const entries = buildTimeline(
          converted.filter((a) => ids.has(a.id)),
          {
            dates: task.dates,
            sentencesPerDate: task.sentencesPerDate,
            from: task.from,
            to: task.to,
            mentionsOf,
          },
        );
        return new Map(
          entries.map((e) => [e.date, e.sentences.map((s) => original.get(s.text) ?? s.text)]),
        );
      };
    },
  };
}

/**
 * Timeline17 text is tokenised (`` `` ``, `-LRB-`, ` 's`): each line is read untokenised, and the
 * original line is what the timeline shows, as the gold timelines are tokenised the same way.
 */
function articlesOf(articles: readonly TopicArticle[]) {
  const original = new Map<string, string>();
  const converted = articles.map((a): Article => {
    const paragraphs = a.text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const plain = untokenise(line);
        original.set(plain, line);
        return plain;
      });
    return {
      id: a.id,
      title: "",
      paragraphs,
      language: "en",
      published: dayEstimate(a.day, [{ text: a.day, rule: "metadata" }], 0.95),
      origins: [{ path: a.id, format: "jsonl" }],
      publisher: a.id.split("/")[0] as string,
    };
  });
  return { converted, original };
}

function untokenise(line: string): string {
  return line
    .replace(/-LRB-\s?/g, "(")
    .replace(/\s?-RRB-/g, ")")
    .replace(/``\s?/g, '"')
    .replace(/\s?''/g, '"')
    .replace(/\s([.,;:!?%])/g, "$1")
    .replace(/\s(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, "$1")
    .replace(/\$\s(\d)/g, "$$$1");
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
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const lines = rows.map((cells) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  const times = result.topics.map(
    (t) => `${t.topic}: ${t.articles} articles in ${t.seconds.toFixed(2)} s`,
  );
  return `${lines.join("\n")}\n\n${times.join("\n")}\n`;
}
