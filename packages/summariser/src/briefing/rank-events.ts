import {
  type Article,
  type DateEvidence,
  daysBetween,
  type Event,
  type Storyline,
  shiftDay,
} from "@briefing/core";
import { CHRONOLOGY_LINE } from "../mentions/chronology-opening-length.js";
import type { MentionRecord } from "../mentions/extract-mentions.js";
import { sentenceQuality } from "../mentions/sentence-quality.js";
import { compareText } from "../shared/compare-text.js";

/** An event with what its importance is made of. */
export interface RankedEvent {
  event: Event;
  storylineId: string;
  /** Importance: the product of the signals below. */
  score: number;
  /** 1 for the most important. */
  rank: number;
  /** Distinct publishers reporting it (articles, where no publisher is known). */
  publishers: number;
  /** Distinct articles reporting it. */
  articles: number;
  /** Articles that date something to the event's days in their own words. */
  attention: number;
  /** The share of the corpus's articles its storyline holds. */
  storyShare: number;
  /** 0-3: a named actor, a concrete kind of event, a date to the day (½ to the week). */
  specificity: number;
  /** 0-1: 1 for a plain declarative sentence; less for questions, quotes, pronoun subjects. */
  quality: number;
}

/**
 * Dates that come from the article, not from the sentence: the day of the report, for what was
 * said, for a lead, and for what a sentence says holds "now" ("currently", "at present").
 */
const REPORT_DATED = /^(reporting-date|lead|vague-present)$/;
/**
 * A state of things at the time of writing ("Airbus is currently two years behind schedule", "Right
 * now, everyone wants to help"): the report's day, but rarely that day's news.
 */
const STATE_OF_NOW = "vague-present";
const STATE_WEIGHT = 0.5;

/** Whether an evidence's date is the report's own (speech, a lead, "now"), not one the sentence wrote. */
export function isReportDated(evidence: DateEvidence | undefined): boolean {
  return REPORT_DATED.test(evidence?.rule ?? "");
}
const MINOR = new Set(["statement", "other"]);
const CHRONOLOGY_BONUS = 1.5;
/** Publication days on which news without a date of its own may be printed before it is furniture. */
const REPRINT_DAYS = 3;

/**
 * Ranks every event by what signals importance in news, each factor bounded so that no one of
 * them decides alone:
 * - independent sources: distinct publishers, then distinct articles (a wire story repeated, or one
 *   page's teaser, is one article: duplicates were folded when the corpus loaded);
 * - attention to its date: how many articles date something to its days in their own words;
 * - its storyline's share of the corpus (the main story before side stories and trivia);
 * - specificity: a named actor, a concrete action, a precise date;
 * - the sentence as an entry: questions, quote fragments, sentences whose subject is a pronoun,
 *   and very short or very long ones make poor entries; one dated only by its report but printed
 *   on three or more days (a sign-off, a standing paragraph) is no entry at all; one dated only
 *   by what holds "now" is a state of things, not news, and counts half; an entry of a
 *   journalist's own chronology ("April 22 - The rig sinks.") counts half again.
 */
export function rankEvents(
  storylines: readonly Storyline[],
  records: readonly MentionRecord[],
  articles: readonly Article[],
): RankedEvent[] {
  const publisherOf = new Map(articles.map((a) => [a.id, a.publisher?.trim() || `#${a.id}`]));
  const publishedOn = new Map(articles.map((a) => [a.id, a.published.start ?? `#${a.id}`]));
  const attention = dayAttention(records);
  const total = Math.max(1, articles.length);
  const ranked: RankedEvent[] = [];
  for (const storyline of storylines) {
    const storyArticles = new Set<string>();
    for (const e of storyline.events) for (const m of e.mentions) storyArticles.add(m.articleId);
    const storyShare = storyArticles.size / total;
    for (const event of storyline.events) {
      const ids = new Set(event.mentions.map((m) => m.articleId));
      const publishers = new Set([...ids].map((id) => publisherOf.get(id) ?? id)).size;
      const seen = attentionOf(event, attention);
      const specificity =
        (event.entities.length > 0 ? 1 : 0) +
        (MINOR.has(event.kind) ? 0 : 1) +
        datePrecision(event);
      // News dated only by its report, printed again on other days, is no day's news.
      const reportDated = isReportDated(event.date.evidence[0]);
      const days = new Set([...ids].map((id) => publishedOn.get(id))).size;
      const state = event.date.evidence[0]?.rule === STATE_OF_NOW ? STATE_WEIGHT : 1;
      const quality =
        reportDated && days >= REPRINT_DAYS ? 0 : sentenceQuality(event.summary) * state;
      // A journalist's own chronology entry ("April 22 - The rig sinks.") was written as one.
      const written = CHRONOLOGY_LINE.test(event.summary) ? CHRONOLOGY_BONUS : 1;
      const score =
        written *
        (1 + Math.log2(publishers) + 0.5 * Math.log2(ids.size)) *
        (1 + Math.log2(1 + seen)) *
        (0.25 + storyShare) *
        (1 + specificity / 3) *
        quality;
      ranked.push({
        event,
        storylineId: storyline.id,
        score,
        rank: 0,
        publishers,
        articles: ids.size,
        attention: seen,
        storyShare,
        specificity,
        quality,
      });
    }
  }
  ranked.sort((a, b) => b.score - a.score || compareText(a.event.id, b.event.id));
  ranked.forEach((r, i) => {
    r.rank = i + 1;
  });
  return ranked;
}

/** 1 for a date to the day, ½ to the week, 0 for wider or none. */
function datePrecision(event: Event): number {
  const { start, end } = event.date;
  if (start === null || end === null) return 0;
  const days = daysBetween(start, end);
  return days === 0 ? 1 : days <= 6 ? 0.5 : 0;
}

/** For each day, the articles that date a sentence to exactly that day. */
function dayAttention(records: readonly MentionRecord[]): Map<string, Set<string>> {
  const days = new Map<string, Set<string>>();
  for (const r of records) {
    const { start, end } = r.date;
    if (start === null || start !== end || r.dateText === undefined) continue;
    const set = days.get(start) ?? new Set<string>();
    set.add(r.mention.articleId);
    days.set(start, set);
  }
  return days;
}

/** The articles dating something to an event's days (up to a week of them). */
function attentionOf(event: Event, attention: Map<string, Set<string>>): number {
  const { start, end } = event.date;
  if (start === null || end === null || daysBetween(start, end) > 6) return 0;
  const articles = new Set<string>();
  for (let day = start; day <= end; day = shiftDay(day, 1))
    for (const id of attention.get(day) ?? []) articles.add(id);
  return articles.size;
}
