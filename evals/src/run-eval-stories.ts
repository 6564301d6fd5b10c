import { renderMarkdown } from "@briefing/digest";
import { alignedTable } from "./aligned-table.js";
import { defaultBriefing } from "./default-briefing.js";
import { bodyWords } from "./run-eval-briefing.js";

/** A story to brief: its name and the files or folders `brief` would be given. */
export interface Story {
  name: string;
  paths: string[];
}

/** One row of the table: the default briefing of one story, as a reader first meets it. */
export interface StoryRow {
  story: string;
  articles: number;
  entries: number;
  /** Words of the body (the Markdown above its sources). */
  words: number;
  /** Timeline entries reported by two publishers or more. */
  corroborated: number;
  headline: string;
}

/** Options of {@link evalStories}. */
export interface EvalStoriesOptions {
  threads: number;
  /** The briefing's `now`; fixed, so that runs compare. */
  now?: Date;
}

/**
 * The default briefing of each story, as `brief <paths>` makes it: its size and its headline, to
 * be read as a reader would on stories no rule was written from. No gold says what a headline
 * should be; the table is for reading, and for comparing one change with the next.
 */
export async function evalStories(
  stories: readonly Story[],
  options: EvalStoriesOptions,
): Promise<StoryRow[]> {
  const rows: StoryRow[] = [];
  for (const story of stories) {
    const { read, briefing } = await defaultBriefing(story.paths, options);
    rows.push({
      story: story.name,
      articles: read.articles.length,
      entries: briefing.timeline.length,
      words: bodyWords(renderMarkdown(briefing)),
      corroborated: briefing.timeline.filter((entry) => entry.sources >= 2).length,
      headline: briefing.headline,
    });
  }
  return rows;
}

/** The rows as one table, a line each, the headline last. */
export function tableOfStories(rows: readonly StoryRow[]): string {
  const head = ["story", "articles", "entries", "2+ sources", "words", "headline"];
  const lines = rows.map((r) => [
    r.story,
    String(r.articles),
    String(r.entries),
    String(r.corroborated),
    String(r.words),
    r.headline,
  ]);
  const left = (i: number) => i === 0 || i === head.length - 1;
  return `${alignedTable([head, ...lines], left).join("\n")}\n`;
}
