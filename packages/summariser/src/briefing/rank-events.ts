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

/** Words that open a sentence whose subject the reader cannot resolve out of its article. */
const PRONOUN_OPENING =
  /^(he|she|it|they|we|i|you|this|that|these|those|his|her|its|their|our|there)\b/i;
/**
 * The marks of a photo caption or a graphic's credit: what "is seen" or "is pictured", "in this
 * handout photograph", "this image from video provided by …", a photographer's credit ("AP
 * Photo/…", "REUTERS/Name", "Photograph: …"), a graphic's "SOURCES: …".
 */
const CAPTION =
  /\b(?:[Tt]his|[Aa]n?) (?:image|photo(?:graph)?|picture) (?:from|provided|released|taken|made available)\b|\bSOURCES?:\s|\b(?:is|are) (?:seen|pictured|shown)\b|\bin this (?:(?:handout|file|undated|aerial|still) )*(?:photo(?:graph)?|picture|image|video grab)\b|\b(?:AP|AFP|Getty) (?:Photo|Images)\b|\bREUTERS\/\p{Lu}|\bPhoto(?:graph)?:\s/u;
const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const WEEKDAY = "(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day";
/**
 * A photo's caption as agencies write them, the day it was taken closing it after a comma, where a
 * sentence of the story would say "on" it: "Workers clean up oil on a beach in Port Fourchon,
 * Louisiana, May 24, 2010." ("… on Friday, March 24, 1989." is the story's own).
 */
const CAPTION_DATE = new RegExp(
  `(?<!\\b(?:on|of|in|since|until|till|by|from|to|before|after|dated|${WEEKDAY}))\\s*,\\s+` +
    `(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2},?)\\s+\\d{4}\\.?["”’]?$`,
);
/**
 * A byline the scrape glued to the story's opening ("By Hilary Andersson BBC Panorama, Washington
 * …"): "By" and a name, not a day ("By Friday BP had …").
 */
const BYLINE_OPENING =
  /^By\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)\b)\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+/u;
/**
 * A page's time stamp the scrape glued to the story's opening ("6 January 2011 Last updated at
 * 17:03 GMT …", "Sunday 30 May 2010 20.58 BST …", "Aug 9, 2010 16:00 UTC …"): a date with its
 * year, then a clock time.
 */
const STAMP_OPENING =
  /^(?:\p{Lu}\p{Ll}+day,?\s+)?(?:\d{1,2}\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2},?)\s+\d{4}\b.{0,30}?\b\d{1,2}[:.]\d{2}\b/u;
/**
 * A prompt to the reader rather than a report: an instruction opening the sentence ("Watch the
 * oil spill's path …", "Sign up for …", "Click here …") or a "please" outside any quotation
 * ("If you are happy to be contacted … please leave a telephone number").
 */
const READER_PROMPT =
  /^(?:watch|view|read|click|tap|follow|explore|see|find out|join|sign up|subscribe|share|tell us|send us|download|listen|visit|learn more)\b(?![’'-])/i;
/**
 * Openings of a fragment cut from a longer sentence: a conjunction, punctuation, or the tail of a
 * bracket the sentence splitter cut through ("L) oil spill …" of "(BP.L)").
 */
const FRAGMENT_OPENING = /^(?:(and|but|or|so|nor|yet|with|while|as)\b|[,;:)\]-]|\p{L}{1,3}\)\s)/iu;
/** Characters and pairs prose hardly uses and code is made of; this many make a sentence code. */
const CODE_MARK = /[{}=<>\\|]|\(\)|\);/g;
const CODE_MARKS = 3;
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

/**
 * How well a sentence stands alone as a timeline entry, from 1 down: a question or a fragment
 * (opening with a conjunction or punctuation) is worth a quarter; a quote fragment (opening in
 * lower case or a quotation mark, or unbalanced quotes), a pronoun subject, or a length far from
 * a news sentence's each halve it; a photo's caption ("Oil is seen gushing …") is worth a
 * quarter; a long one (over 35 words) loses a quarter. Below one half, a sentence is no entry.
 */
export function sentenceQuality(text: string): number {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  let quality = 1;
  // Not a statement at all: a question, or a fragment cut from a longer sentence.
  if (/\?\s*["”’']?$/.test(trimmed) || FRAGMENT_OPENING.test(trimmed)) quality /= 4;
  if (/^[\p{Ll}"“”'‘’`]/u.test(trimmed) || (trimmed.match(/["“”]/g) ?? []).length % 2 === 1)
    quality /= 2;
  if (PRONOUN_OPENING.test(trimmed)) quality /= 2;
  // A photo's caption describes a picture, not an event: no entry; nor is a byline or a time stamp
  // glued to the story's opening, whose sentence is the page's header run into the lead. Nor is code or markup a
  // blog printed ("= 0) { perror(…); return 4; }"), told by its braces, operators and calls.
  if (
    CAPTION.test(trimmed) ||
    CAPTION_DATE.test(trimmed) ||
    BYLINE_OPENING.test(trimmed) ||
    STAMP_OPENING.test(trimmed) ||
    READER_PROMPT.test(trimmed) ||
    (/\bplease\b/i.test(trimmed) && !/["“”‘’]/.test(trimmed)) ||
    (trimmed.match(CODE_MARK) ?? []).length >= CODE_MARKS
  )
    quality /= 4;
  if (words < 6 || words > 50) quality /= 2;
  else if (words > 35) quality *= 0.75;
  return quality;
}
