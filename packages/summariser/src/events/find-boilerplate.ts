import type { Article } from "@briefing/core";
import { afterOpeningDate } from "../mentions/chronology-opening-length.js";
import type { MentionRecord } from "../mentions/extract-mentions.js";
import { addToSet } from "../shared/add-to.js";

/** Publication days a sentence must recur on, word for word, to be furniture rather than news. */
const BOILERPLATE_DAYS = 3;

/**
 * The reports of a corpus that are furniture by count: the same words (figures and dates aside)
 * in articles published on three or more different days (a credit line, a background paragraph
 * every page of an outlet carries, a comment policy, a teaser). The same wire story printed by several outlets on one day
 * is news; the same sentence day after day is not, and never counts as corroboration. A sentence
 * opening with its own date ("April 22 - The rig sinks") is an entry of a chronology that follow-up
 * articles repeat, so it is kept.
 */
export function findBoilerplate(
  records: readonly MentionRecord[],
  articles: readonly Article[],
): Set<MentionRecord> {
  const dayOf = new Map(articles.map((a) => [a.id, a.published.start ?? `#${a.id}`]));
  // Each report's template, worked out once; days are counted for those not opening with a date.
  const keys = new Map<MentionRecord, string>();
  const days = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.reports) continue;
    const key = normalise(r.mention.text);
    keys.set(r, key);
    if (opensWithItsDate(r)) continue;
    addToSet(days, key, dayOf.get(r.mention.articleId) ?? r.mention.articleId);
  }
  const found = new Set<MentionRecord>();
  for (const [r, key] of keys) if ((days.get(key)?.size ?? 0) >= BOILERPLATE_DAYS) found.add(r);
  return found;
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
  return r.dateText !== undefined && afterOpeningDate(r.mention.text, r.dateText) >= 0;
}
