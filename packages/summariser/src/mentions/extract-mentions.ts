import {
  type Article,
  type DateEstimate,
  type EventAction,
  type EventKind,
  type Mention,
  type ResolvedDate,
  resolveDates,
  resolveStatedDates,
  UNKNOWN_DATE,
} from "@briefing/core";
import { analyseParagraphs, contentTerms, type Token } from "./analyse-text.js";
import { articleText } from "./article-text.js";
import { detectAction } from "./detect-action.js";
import { detectEventKind } from "./detect-event-kind.js";
import { findNames, type NameOccurrence } from "./find-names.js";

/** A figure a sentence reports: "4,000 fighters", "seven members". */
export interface ReportedNumber {
  value: number;
  text: string;
  /** Lemma of the noun it counts. */
  counted: string;
}

/** A sentence that reports something, with what the summariser reads in it. */
export interface MentionRecord {
  mention: Mention;
  kind: EventKind;
  trigger?: string;
  /** What happened, as a headline names it, when the sentence tells it. */
  action?: EventAction;
  date: DateEstimate;
  /** The expression the date was read from, if any. */
  dateText?: string;
  names: NameOccurrence[];
  numbers: ReportedNumber[];
  /** Content lemmas, for similarity. */
  terms: string[];
  /** Whether the sentence reports speech ("said", "told"). */
  speech: boolean;
  /** Position of the sentence in its article, from 0. */
  position: number;
  /** Whether it reports something (an event); other sentences only lend their names. */
  reports: boolean;
}

const MIN_TOKENS = 6;
/** Sentences of an article's opening that tell its news. */
const LEAD_SENTENCES = 2;
const SPEECH = /^(say|tell|write|announce|declare|confirm|report|add|state|claim|deny)$/;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
};

/**
 * Which parts of each record {@link extractMentions} works out: a caller that does not use names or
 * figures saves their time (about a tenth of the reading) by leaving them out.
 */
export interface ExtractMentionsOptions {
  /** Each sentence's names (default true); left out, `names` is empty. */
  names?: boolean;
  /** Each report's figures (default true); left out, `numbers` is empty. */
  numbers?: boolean;
}

/**
 * Every sentence of an article with its names; those that report something that happened or was
 * said (`reports`) also with a kind,
 * a date (its own temporal expression read against the article's date; else, for reported
 * speech, the article's date; else undated), the names, the figures and the content words.
 * Reads only the article's id, paragraphs and publication date ({@link sameExtractionInput}).
 */
export function extractMentions(
  article: Article,
  options: ExtractMentionsOptions = {},
): MentionRecord[] {
  const withNames = options.names ?? true;
  const withNumbers = options.numbers ?? true;
  // An article not as typed (from JSON, say) is refused, not read as whatever its parts print as.
  const odd = article.paragraphs.findIndex((p) => typeof p !== "string");
  if (odd >= 0)
    throw new TypeError(
      `paragraph ${odd + 1} of article ${article.id} is ${typeof article.paragraphs[odd]}, not text`,
    );
  const { text, offsets } = articleText(article);
  const reference =
    article.published.start && article.published.end
      ? { start: article.published.start, end: article.published.end }
      : null;
  const records: MentionRecord[] = [];
  let position = 0;
  // Sentences that could tell something, so far: a dateline or a byline is no part of the lead.
  let told = 0;
  // Spans point into the text the model documents: paragraphs joined by blank lines.
  for (const sentence of analyseParagraphs(text, offsets)) {
    const index = position++;
    const tokens = sentence.tokens;
    const names = (withNames ? findNames(sentence) : []).map((n) => ({
      ...n,
      articleId: article.id,
    }));
    const mention: Mention = {
      articleId: article.id,
      sentence: index,
      span: [sentence.start, sentence.end],
      text: sentence.text,
    };
    // Every sentence's names count for the entities; only reports become events.
    const background = {
      mention,
      kind: "other" as const,
      date: UNKNOWN_DATE,
      names,
      numbers: [],
      terms: [],
      speech: false,
      position: index,
      reports: false,
    };
    const words = tokens.filter((t) => t.pos !== "PUNCT");
    const hasVerb = tokens.some((t) => t.pos === "VERB" || t.pos === "AUX");
    if (words.length < MIN_TOKENS || sentence.text.trimEnd().endsWith("?") || !hasVerb) {
      records.push(background);
      continue;
    }
    const opening = told++ < LEAD_SENTENCES;
    const { kind, trigger } = detectEventKind(tokens);
    const action = detectAction(tokens);
    const dates = reference
      ? resolveDates(sentence.text, reference)
      : resolveStatedDates(sentence.text);
    const chosen = mostPrecise(dates.filter((d) => !isCountedFrom(sentence.text, d)));
    const speech = tokens.some((t) => t.pos === "VERB" && SPEECH.test(t.lemma));
    const reportDay =
      article.published.precision === "day" || article.published.precision === "week";
    // The opening sentences tell the news of the day the article came out (the inverted
    // pyramid), whatever their verb.
    const lead = opening && reportDay;
    if (kind === "other" && !chosen && !lead) {
      records.push(background);
      continue;
    }
    let date = chosen?.estimate ?? UNKNOWN_DATE;
    // What was said, and what a lead tells, is dated by the report, when the report's own date
    // is known to a week.
    if (!chosen && (speech || lead) && reportDay) {
      date = {
        ...article.published,
        evidence: [
          {
            text: speech ? (trigger ?? "said") : "lead",
            rule: speech ? "reporting-date" : "lead",
          },
          ...article.published.evidence,
        ],
        confidence: Math.round(article.published.confidence * 70) / 100,
      };
    }
    const record: MentionRecord = {
      mention,
      kind,
      date,
      names,
      numbers: withNumbers ? numbersIn(tokens, dates, sentence.start) : [],
      terms: contentTerms(tokens),
      speech,
      position: index,
      reports: true,
    };
    if (trigger) record.trigger = trigger;
    if (action) record.action = action;
    if (chosen) record.dateText = chosen.text;
    records.push(record);
  }
  return records;
}

/** The expression that pins the date down most tightly; the first among equals. */
function mostPrecise(dates: ResolvedDate[]): ResolvedDate | undefined {
  let best: ResolvedDate | undefined;
  const width = (d: ResolvedDate) =>
    d.estimate.start && d.estimate.end
      ? Date.parse(d.estimate.end) - Date.parse(d.estimate.start)
      : Number.POSITIVE_INFINITY;
  for (const d of dates) if (!best || width(d) < width(best)) best = d;
  return best && Number.isFinite(width(best)) ? best : undefined;
}

/** Words ending in "-est" that are no superlatives. */
const NOT_SUPERLATIVE =
  "(?:inter|pro|for|hon|mod|requ|sugg|arr|cont|inv|harv|w|r|t|gu|qu|n|ch|manif|dig|earn|unr|conqu|inqu|beh|bequ|att|det|inf)est";
/**
 * Words before a date that make it the point a comparison is counted from, not the time of what
 * the sentence tells: a superlative's "since" ("its first annual loss since 1992", "the lowest
 * level since October 1997"), "compared with March of 2008", "higher than in 2009". A plain
 * "since" starts what still goes on ("has out-sold Boeing since 2003"), and dates it.
 */
const COUNTED_FROM = new RegExp(
  `(?:\\b(?:first|last|best|worst|most|least|only|(?!${NOT_SUPERLATIVE}\\b)\\w+est)\\b(?:\\s+\\S+){0,6}?\\s+since` +
    `|\\bcompared (?:to|with)|\\bthan(?: in)?|\\bversus|\\bvs\\.?)` +
    `\\s+(?:(?:the\\s+)?(?:start|end|beginning|middle|close) of\\s+)?$`,
  "i",
);

/** Whether a date of a sentence is only where a comparison is counted from. */
function isCountedFrom(text: string, date: ResolvedDate): boolean {
  return COUNTED_FROM.test(text.slice(0, date.index));
}

/** A number written as a year. */
const YEAR = /^(1[5-9]|20)\d\d$/;
/** A word before a number that makes it an age or a sum of money. */
const AGE_OR_MONEY = /^(aged?|[$£€¥]|us\$|usd|eur|gbp)$/i;
/**
 * Nouns a figure measures rather than counts (time, money, distance, volume, weight, shares), and
 * months (a day of a date, "12 April"): two reports giving different measures are usually of
 * different things, not a dispute.
 */
const NOT_COUNTED =
  /^(year|month|week|day|hour|hr|minute|min|second|sec|percent|per|cent|time|point|bn|billion|million|trillion|m|k|dollar|pound|euro|cent|penny|pence|yen|yuan|rupee|share|stake|mile|km|kilometre|kilometer|metre|meter|foot|feet|inch|yard|acre|hectare|gallon|litre|liter|barrel|bpd|ton|tonne|kg|kilogram|lb|degree|mph|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)s?$/;

/**
 * The figures of a sentence's tokens; `dates` are read in the sentence's text, which starts at
 * `offset` of the text the tokens point into.
 */
function numbersIn(
  tokens: readonly Token[],
  dates: readonly ResolvedDate[],
  offset: number,
): ReportedNumber[] {
  const found: ReportedNumber[] = [];
  tokens.forEach((t, i) => {
    // A day or a year of a date is no figure ("June 3, 5 workers" counts five workers).
    const at = t.start - offset;
    if (dates.some((d) => at >= d.index && at < d.index + d.text.length)) return;
    const value =
      t.pos === "NUM" && /^\d[\d,]*(\.\d+)?$/.test(t.value)
        ? Number(t.value.replace(/,/g, ""))
        : NUMBER_WORDS[t.normal];
    if (value === undefined || !Number.isFinite(value)) return;
    // A year, an age or a sum of money is not a count ("in 2006", "aged 45", "$20bn").
    if (YEAR.test(t.value) || AGE_OR_MONEY.test(tokens[i - 1]?.value ?? "")) return;
    // The noun it counts: the next noun within three tokens ("12 members", "seven of its members").
    const noun = tokens.slice(i + 1, i + 4).find((n) => n.pos === "NOUN" || n.pos === "PROPN");
    if (!noun || NOT_COUNTED.test(noun.lemma.toLowerCase())) return;
    found.push({ value, text: `${t.value} ${noun.value}`, counted: noun.lemma.toLowerCase() });
  });
  return found;
}

/**
 * Whether {@link extractMentions} reads the same input from both articles (id, paragraphs and
 * publication date), so that it gives them the same records.
 */
export function sameExtractionInput(a: Article, b: Article): boolean {
  if (a.id !== b.id || a.paragraphs.length !== b.paragraphs.length) return false;
  if (a.paragraphs !== b.paragraphs && a.paragraphs.some((p, i) => p !== b.paragraphs[i]))
    return false;
  return a.published === b.published || JSON.stringify(a.published) === JSON.stringify(b.published);
}
