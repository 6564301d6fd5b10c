import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { type Article, type Briefing, shiftDay } from "@briefing/core";
import { renderMarkdown } from "@briefing/digest";
import { analyseText } from "@briefing/summariser";
import {
  type GoldTimeline,
  meanScores,
  readTopic,
  type Timeline,
  type TimelineScores,
  timelineOf,
  timelineScores,
} from "@briefing/tls";
import { alignedTable } from "./aligned-table.js";
import { defaultBriefing } from "./default-briefing.js";

/** One row of the table: a system's timeline of one corpus, scored against its gold timelines. */
export interface BriefingRow {
  corpus: string;
  system: "briefing" | "lead baseline";
  articles: number;
  scores: TimelineScores;
  /** Share of the topic's key dates (shared by two gold timelines, ±1 day) the timeline has. */
  keyDateRecall: number;
  /** Words of the body (the Markdown above its sources), or of the baseline's sentences. */
  words: number;
  entries: number;
  /** Events dated over a year from their articles without saying so ({@link datedBeyondSources}). */
  farDated: number;
  seconds: number;
  /** The briefing's headline, as a reader first sees it (none for the baseline). */
  headline?: string;
}

/** Options of {@link evalBriefing}. */
export interface EvalBriefingOptions {
  threads: number;
  clock: () => number;
  /** The briefing's `now`; fixed, so that runs compare. */
  now?: Date;
}

/** Days the lead baseline takes, and sentences of each. */
const BASELINE_DAYS = 30;
const BASELINE_SENTENCES = 2;

/**
 * The default briefing, as `briefing brief <folder>` makes it, of each source folder of a
 * Timeline17-style topic and of all of them together, scored as a timeline against the
 * journalists' timelines (date F1, alignment ROUGE-1/2, key-date recall), beside the lead
 * baseline: the first two sentences of an article of each of the 30 busiest publication days.
 */
export async function evalBriefing(
  topicDir: string,
  options: EvalBriefingOptions,
): Promise<{ rows: BriefingRow[]; problems: string[] }> {
  const topic = await readTopic(topicDir);
  const keyDates = sharedDays(topic.timelines);
  const folders = (await readdir(topicDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const corpora = [
    ...folders.map((folder) => ({
      name: folder,
      paths: [join(topicDir, folder)],
      folders: [folder],
    })),
    ...(folders.length > 1
      ? [{ name: `all ${folders.length}`, paths: folders.map((f) => join(topicDir, f)), folders }]
      : []),
  ];
  const rows: BriefingRow[] = [];
  for (const corpus of corpora) {
    const golds = topic.timelines.filter((t) => corpus.folders.includes(t.folder));
    const started = options.clock();
    const { read, briefing } = await defaultBriefing(corpus.paths, options);
    const seconds = (options.clock() - started) / 1000;
    const predicted = timelineOfBriefing(briefing);
    rows.push({
      corpus: corpus.name,
      system: "briefing",
      articles: read.articles.length,
      scores: meanScores(golds.map((g) => timelineScores(predicted, g.timeline))),
      keyDateRecall: recall(keyDates, predicted),
      words: bodyWords(renderMarkdown(briefing)),
      entries: briefing.timeline.length,
      farDated: datedBeyondSources(briefing).length,
      seconds,
      headline: briefing.headline,
    });
    const baseline = leadBaseline(read.articles);
    rows.push({
      corpus: corpus.name,
      system: "lead baseline",
      articles: read.articles.length,
      scores: meanScores(golds.map((g) => timelineScores(baseline, g.timeline))),
      keyDateRecall: recall(keyDates, baseline),
      words: [...baseline.values()].flat().reduce((n, s) => n + wordsOf(s), 0),
      entries: [...baseline.values()].flat().length,
      farDated: 0,
      seconds: 0,
    });
  }
  return { rows, problems: topic.problems };
}

/** Days beyond its articles' publication an event may be dated by what it says without a year. */
const YEAR_DAYS = 366;
/** An expression that counts back from the time of writing: "30 years ago", "18 months ago". */
const COUNTED_BACK = /\bago\b/i;

/**
 * The events of a briefing (all of them, not only the timeline's) dated more than a year before
 * or after every article that reports them, where the expression that dates them does not state
 * that distance: it neither writes the year ("in 1979", "the 1960s") nor counts back from the
 * time of writing ("30 years ago"). A yearless "June" or "Wednesday" read a year or more away, a
 * count read as a year, a span read as a moment: each is a date the text never gave.
 */
export function datedBeyondSources(briefing: Briefing): Briefing["storylines"][number]["events"] {
  const published = new Map(briefing.articles.map((a) => [a.id, a.published]));
  return briefing.storylines
    .flatMap((s) => s.events)
    .filter((event) => {
      const { start, end, evidence } = event.date;
      if (!start || !end) return false;
      const spans = event.mentions
        .map((m) => published.get(m.articleId))
        .filter((p) => p?.start && p.end);
      if (spans.length === 0) return false;
      const first = spans.map((p) => p?.start as string).sort()[0] as string;
      const last = spans
        .map((p) => p?.end as string)
        .sort()
        .at(-1) as string;
      if (end >= shiftDay(first, -YEAR_DAYS) && start <= shiftDay(last, YEAR_DAYS)) return false;
      const said = evidence[0]?.text ?? "";
      return !said.includes(start.slice(0, 4)) && !COUNTED_BACK.test(said);
    });
}

/** The timeline a reader of the briefing sees: each entry's text under its first day. */
export function timelineOfBriefing(briefing: Briefing): Timeline {
  return timelineOf(briefing.timeline.map((e) => [e.day, [e.text]] as const));
}

/** The 30 days with most articles published, each with the first two sentences of its first. */
export function leadBaseline(articles: readonly Article[]): Timeline {
  const byDay = new Map<string, Article[]>();
  for (const a of articles) {
    const day = a.published.start;
    if (!day || a.published.end !== day) continue;
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  const busiest = [...byDay]
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
    .slice(0, BASELINE_DAYS);
  return timelineOf(
    busiest.map(([day, list]) => {
      const sentences: string[] = [];
      for (const paragraph of list[0]?.paragraphs ?? []) {
        for (const s of analyseText(paragraph)) {
          if (sentences.length < BASELINE_SENTENCES) sentences.push(s.text);
        }
        if (sentences.length >= BASELINE_SENTENCES) break;
      }
      return [day, sentences] as const;
    }),
  );
}

/** Days that at least two gold timelines have, within a day of each other. */
export function sharedDays(golds: readonly GoldTimeline[]): string[] {
  const days = new Set<string>();
  golds.forEach((gold, i) => {
    for (const day of gold.timeline.keys())
      if (golds.some((other, j) => j !== i && hasNear(other.timeline, day))) days.add(day);
  });
  return [...days].sort();
}

function hasNear(timeline: Timeline, day: string): boolean {
  for (const offset of [-1, 0, 1]) if (timeline.has(shiftDay(day, offset))) return true;
  return false;
}

function recall(keyDates: readonly string[], predicted: Timeline): number {
  if (keyDates.length === 0) return 0;
  return keyDates.filter((day) => hasNear(predicted, day)).length / keyDates.length;
}

/** Words of a Markdown briefing's body: everything above `## Sources`. */
export function bodyWords(markdown: string): number {
  const body = markdown.split(/^## Sources$/m)[0] ?? markdown;
  return wordsOf(body.replace(/\[\^\d+\]/g, ""));
}

function wordsOf(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}

/** The rows as one table, a line each, then each briefing's headline, to be read as a reader would. */
export function tableOfBriefing(rows: readonly BriefingRow[]): string {
  const head = [
    "corpus",
    "system",
    "articles",
    "date F1",
    "AR-1 F",
    "AR-2 F",
    "key dates",
    "words",
    "entries",
    "far dated",
    "s",
  ];
  const lines = rows.map((r) => [
    r.corpus,
    r.system,
    String(r.articles),
    r.scores.date.f.toFixed(3),
    r.scores.ar1.f.toFixed(3),
    r.scores.ar2.f.toFixed(3),
    `${(100 * r.keyDateRecall).toFixed(0)} %`,
    String(r.words),
    String(r.entries),
    r.system === "briefing" ? String(r.farDated) : "",
    r.system === "briefing" ? r.seconds.toFixed(1) : "",
  ]);
  return `${alignedTable([head, ...lines], (i) => i < 2).join("\n")}\n${headlines(rows)}`;
}

function headlines(rows: readonly BriefingRow[]): string {
  const told = rows.filter((r) => r.headline !== undefined);
  if (told.length === 0) return "";
  const lines = alignedTable(
    told.map((r) => [r.corpus, r.headline ?? ""]),
    () => true,
  );
  return `\nheadlines\n${lines.map((line) => `${line}\n`).join("")}`;
}
