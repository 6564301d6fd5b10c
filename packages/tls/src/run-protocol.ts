import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Scores } from "./date-scores.js";
import { type GoldTimeline, readTopic, type TopicArticle } from "./read-topic.js";
import { type Timeline, timelineSpan } from "./timeline.js";
import { timelineAgreement } from "./timeline-agreement.js";
import { meanScores, type TimelineScores, timelineScores } from "./timeline-scores.js";

/** What a timeline system is given for one task, and nothing else of the gold timeline. */
export interface TimelineTask {
  /** The topic's articles (every source) published within [from, to]. */
  articles: readonly TopicArticle[];
  /** Number of dates of the gold timeline. */
  dates: number;
  /** Mean sentences per gold date, rounded. */
  sentencesPerDate: number;
  /** First and last gold date. */
  from: string;
  to: string;
}

/**
 * A timeline summarisation system under test. `prepare` runs once per topic over all its articles
 * (reading them once for every task), and gives back the function that answers each task.
 */
export interface TimelineSystem {
  prepare(
    articles: readonly TopicArticle[],
  ): ((task: TimelineTask) => Timeline) | Promise<(task: TimelineTask) => Timeline>;
}

/** Scores of one predicted timeline against its gold timeline. */
export interface TimelineResult extends TimelineScores {
  topic: string;
  folder: string;
  file: string;
  dates: number;
  sentencesPerDate: number;
  articles: number;
}

export interface ProtocolResult {
  timelines: TimelineResult[];
  /** Precision and recall averaged over timelines, then F (as the TLS literature reports). */
  date: Scores;
  ar1: Scores;
  ar2: Scores;
  /**
   * The gold timelines scored against each other ({@link timelineAgreement}), averaged over the
   * pairs as the system's are over timelines: the human reference. Zero with one timeline a topic.
   */
  agreement: TimelineScores & { pairs: number };
  topics: { topic: string; seconds: number; articles: number }[];
  problems: string[];
}

export interface RunProtocolOptions {
  system: TimelineSystem;
  /** Milliseconds from a monotonic clock, to time each topic (the caller's clock). */
  clock: () => number;
  /** Where to write each predicted timeline as `<folder>__<file>.json`. */
  predictionsDir?: string;
}

/**
 * The Timeline17 protocol: every gold timeline of every topic is one task, whose input is the
 * union of the topic's articles published within the gold timeline's first and last date, and
 * whose budget is its number of dates and its mean sentences per date.
 */
export async function runProtocol(
  topicDirs: readonly string[],
  options: RunProtocolOptions,
): Promise<ProtocolResult> {
  const timelines: TimelineResult[] = [];
  const topics: ProtocolResult["topics"] = [];
  const problems: string[] = [];
  if (options.predictionsDir) await mkdir(options.predictionsDir, { recursive: true });
  const pairs: TimelineScores[] = [];
  for (const dir of topicDirs) {
    const topic = await readTopic(dir);
    problems.push(...topic.problems);
    pairs.push(...timelineAgreement(topic.timelines));
    const started = options.clock();
    const answer = await options.system.prepare(topic.articles);
    for (const gold of topic.timelines) {
      const task = taskOf(gold, topic.articles);
      const predicted = answer(task);
      timelines.push({
        topic: topic.name,
        folder: gold.folder,
        file: gold.file,
        dates: task.dates,
        sentencesPerDate: task.sentencesPerDate,
        articles: task.articles.length,
        ...timelineScores(predicted, gold.timeline),
      });
      if (options.predictionsDir)
        await writeFile(
          join(options.predictionsDir, `${gold.folder}__${gold.file.replace(/\.txt$/, "")}.json`),
          `${JSON.stringify([...predicted])}\n`,
        );
    }
    topics.push({
      topic: topic.name,
      seconds: (options.clock() - started) / 1000,
      articles: topic.articles.length,
    });
  }
  return {
    timelines,
    ...meanScores(timelines),
    agreement: { pairs: pairs.length, ...meanScores(pairs) },
    topics,
    problems,
  };
}

function taskOf(gold: GoldTimeline, articles: readonly TopicArticle[]): TimelineTask {
  const { from, to } = timelineSpan(gold.timeline);
  const dates = gold.timeline.size;
  const sentences = [...gold.timeline.values()].reduce((sum, s) => sum + s.length, 0);
  return {
    articles: articles.filter((a) => a.day >= from && a.day <= to),
    dates,
    sentencesPerDate: Math.max(1, Math.round(sentences / dates)),
    from,
    to,
  };
}
