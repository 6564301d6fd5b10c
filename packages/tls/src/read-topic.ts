import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseTimelineFile, type Timeline } from "./timeline.js";

/** One article of a Timeline17-style topic, its id namespaced by its source folder. */
export interface TopicArticle {
  /** `<folder>/<id>`. */
  id: string;
  /** Publication day, `YYYY-MM-DD`. */
  day: string;
  /** One sentence a line, as the data set ships it. */
  text: string;
}

/** A gold timeline of a topic: one evaluation task. */
export interface GoldTimeline {
  /** Source folder and file: `bpoil_bbc`, `bbc.txt`. */
  folder: string;
  file: string;
  timeline: Timeline;
}

/** A topic directory as read: every source's articles and gold timelines, and what was wrong. */
export interface Topic {
  name: string;
  articles: TopicArticle[];
  timelines: GoldTimeline[];
  /** Lines or files that could not be read, with where and why; the rest is used. */
  problems: string[];
}

/**
 * Reads a topic directory: each source folder holds `articles.jsonl` (`{id, time, text}`) and
 * `timelines/*.txt`. A bad line or file becomes a problem naming it; the rest is read.
 */
export async function readTopic(dir: string): Promise<Topic> {
  const topic: Topic = { name: basename(dir), articles: [], timelines: [], problems: [] };
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: Error) => {
    topic.problems.push(`${dir}: expected a topic folder, found ${error.message}`);
    return [];
  });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (folders.length === 0 && entries.length > 0)
    topic.problems.push(`${dir}: expected source folders, found none`);
  for (const folder of folders) {
    const path = join(dir, folder, "articles.jsonl");
    const text = await readFile(path, "utf8").catch(() => null);
    if (text === null) topic.problems.push(`${path}: expected a file of articles, found none`);
    else readArticles(text, folder, path, topic);
    const timelineDir = join(dir, folder, "timelines");
    const files = (await readdir(timelineDir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".txt"))
      .sort();
    if (files.length === 0)
      topic.problems.push(`${timelineDir}: expected *.txt timelines, found none`);
    for (const file of files) {
      // A day listed twice keeps its later entry, as the reference tool reads it.
      const timeline = parseTimelineFile(await readFile(join(timelineDir, file), "utf8"), {
        duplicateDays: "last",
      });
      if (timeline.size === 0)
        topic.problems.push(`${join(timelineDir, file)}: expected dated entries, found none`);
      else topic.timelines.push({ folder, file, timeline });
    }
  }
  return topic;
}

function readArticles(text: string, folder: string, path: string, topic: Topic): void {
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${path}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      topic.problems.push(
        `${where}: expected a JSON object, found ${JSON.stringify(line.slice(0, 40))}`,
      );
      return;
    }
    const { id, time, text: body } = (value ?? {}) as Record<string, unknown>;
    const day = typeof time === "string" ? /^\d{4}-\d{2}-\d{2}/.exec(time)?.[0] : undefined;
    if ((typeof id !== "string" && typeof id !== "number") || !day || typeof body !== "string") {
      topic.problems.push(
        `${where}: expected {id, time: "YYYY-MM-DD…", text}, found ${JSON.stringify(value).slice(0, 80)}`,
      );
      return;
    }
    topic.articles.push({ id: `${folder}/${id}`, day, text: body });
  });
}
