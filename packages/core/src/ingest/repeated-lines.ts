import { endsLikeSentence, hasAtMostWords, lineKey, splitLines } from "./text-shape.js";

const MAX_WORDS = 25;
const MIN_STORIES = 3;

/**
 * Keys of the short lines that recur in at least three different stories of a set of scraped
 * pages: site slogans, widget titles, footers. Files that tell the same story (same lead) count
 * once, so a title shared by copies of one article is not taken for furniture.
 */
export function findRepeatedLines(texts: readonly string[]): Set<string> {
  const stories = new Map<string, Set<string>>();
  for (const text of texts) {
    const lines = splitLines(text)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const lead = lines.find((line) => !hasAtMostWords(line, 11) && endsLikeSentence(line));
    const story = lead ? lineKey(lead) : lineKey(lines.join(" ")).slice(0, 200);
    for (const line of new Set(lines)) {
      if (!hasAtMostWords(line, MAX_WORDS)) continue;
      const key = lineKey(line);
      const seen = stories.get(key);
      if (seen) seen.add(story);
      else stories.set(key, new Set([story]));
    }
  }
  const repeated = new Set<string>();
  for (const [key, seen] of stories) if (seen.size >= MIN_STORIES) repeated.add(key);
  return repeated;
}
