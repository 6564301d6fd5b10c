import { parseDateLine } from "../dates/parse-date-line.js";
import type { ArticleDraft } from "./article-draft.js";
import { hasAtMostWords, lineKey } from "./text-shape.js";

/** The longest paragraph that may be a source's standing text (a prompt, a promo, a disclaimer). */
const MAX_WORDS = 25;
/** Stories of one source, on days apart, that must carry a paragraph for it to be furniture. */
const MIN_STORIES = 5;
const MIN_DAYS = 3;

/**
 * Moves to each draft's furniture the standing paragraphs of its source: a short paragraph that
 * one source (publisher, else file) prints word for word in five stories or more, on three days
 * or more ("Get constant updates from our in-the-field reporters.", a comment policy, a promo).
 * Counted, not listed; a paragraph repeated on one day (wire copy of one event) is news and stays.
 * Scraped page text is left to its own line rules, and a draft is never emptied.
 */
export function dropStandingParagraphs(drafts: readonly ArticleDraft[]): ArticleDraft[] {
  const sourceOf = (d: ArticleDraft) => d.publisher ?? d.origin.path.replace(/[:#]\d+$/, "");
  const counted = (d: ArticleDraft) => !d.complete && d.origin.format !== "text";
  // Source → paragraph key → the stories (by lead) and days that print it.
  const seen = new Map<string, Map<string, { stories: Set<string>; days: Set<string> }>>();
  // Each distinct paragraph's key, worked out once; none for a paragraph too long to stand.
  const keys = new Map<string, string | null>();
  const keyOf = (p: string): string | null => {
    let key = keys.get(p);
    if (key === undefined) {
      key = hasAtMostWords(p, MAX_WORDS) ? lineKey(p) : null;
      keys.set(p, key);
    }
    return key;
  };
  for (const d of drafts) {
    if (!counted(d)) continue;
    const story = lineKey(d.paragraphs[0] ?? d.title);
    const day = d.dates.map((c) => c.date ?? parseDateLine(c.text)?.date).find(Boolean) ?? "";
    const bySource = seen.get(sourceOf(d)) ?? new Map();
    seen.set(sourceOf(d), bySource);
    for (const p of new Set(d.paragraphs)) {
      const key = keyOf(p);
      if (key === null) continue;
      const entry = bySource.get(key) ?? { stories: new Set<string>(), days: new Set<string>() };
      entry.stories.add(story);
      if (day) entry.days.add(day);
      bySource.set(key, entry);
    }
  }
  return drafts.map((d) => {
    if (!counted(d)) return d;
    const bySource = seen.get(sourceOf(d));
    const standing = (p: string) => {
      const key = keyOf(p);
      const entry = key === null ? undefined : bySource?.get(key);
      return !!entry && entry.stories.size >= MIN_STORIES && entry.days.size >= MIN_DAYS;
    };
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const p of d.paragraphs) (standing(p) ? dropped : kept).push(p);
    if (dropped.length === 0 || kept.length === 0) return d;
    return { ...d, paragraphs: kept, furniture: [...(d.furniture ?? []), ...dropped] };
  });
}
