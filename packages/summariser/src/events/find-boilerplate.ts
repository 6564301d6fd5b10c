import type { Article } from "@briefing/core";
import type { MentionRecord } from "../mentions/extract-mentions.js";

/** Publication days a sentence must recur on, word for word, to be furniture rather than news. */
const BOILERPLATE_DAYS = 3;

/**
 * The sentences of a corpus that are furniture by count: the same words (figures and dates aside)
 * in articles published on three or more different days (a credit line, a background paragraph every page of an outlet
 * carries, a comment policy, a teaser). The same wire story printed by several outlets on one day
 * is news; the same sentence day after day is not, and never counts as corroboration. A sentence
 * opening with its own date ("April 22 - The rig sinks") is an entry of a chronology that follow-up
 * articles repeat, so it is kept.
 */
export function findBoilerplate(
  records: readonly MentionRecord[],
  articles: readonly Article[],
): Set<string> {
  const dayOf = new Map(articles.map((a) => [a.id, a.published.start ?? `#${a.id}`]));
  const days = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.reports || opensWithItsDate(r)) continue;
    const key = normalise(r.mention.text);
    const set = days.get(key) ?? new Set<string>();
    set.add(dayOf.get(r.mention.articleId) ?? r.mention.articleId);
    days.set(key, set);
  }
  const found = new Set<string>();
  for (const [key, set] of days) if (set.size >= BOILERPLATE_DAYS) found.add(key);
  return found;
}

/** Whether a record is one of the sentences {@link findBoilerplate} found. */
export function isBoilerplate(record: MentionRecord, boilerplate: ReadonlySet<string>): boolean {
  return boilerplate.size > 0 && boilerplate.has(normalise(record.mention.text));
}

/**
 * A sentence's template: lower case, its figures and the names of months and weekdays blanked, so
 * that a line printed every day with that day's date ("A version appeared in print on Friday 28
 * May 2010") counts as one line.
 */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, "#")
    .replace(DATE_WORDS, "@")
    .replace(/\s+/g, " ")
    .trim();
}

const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|\b(?:mon|tues?|wednes|thu(?:rs)?|fri|satur|sun)(?:day)?\b\.?/g;

function opensWithItsDate(r: MentionRecord): boolean {
  if (!r.dateText) return false;
  const start = r.mention.text.search(/[\p{L}\p{N}]/u);
  return start >= 0 && r.mention.text.startsWith(r.dateText, start);
}
