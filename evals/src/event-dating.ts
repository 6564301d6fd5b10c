import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "@briefing/core";
import { decodeXmlEntities } from "@briefing/core/ingest";
import type { MentionRecord } from "@briefing/summariser";

/** A gold event of a SemEval-2015 TimeLine file: the sentence it is told in and its date. */
export interface GoldEvent {
  document: string;
  sentence: number;
  /** `[first, last]` day of the gold date; `null` for an undated event (`XXXX-XX-XX`). */
  range: [string, string] | null;
}

/** How well the sentences of gold events are dated, as the pipeline reads them. */
export interface EventDatingScore {
  /** Gold events with a date (a day, a month or a year), each sentence and date once. */
  dated: number;
  /** Of those, the ones whose sentence the pipeline found. */
  found: number;
  /** Of the dated, the ones the pipeline gave a date. */
  given: number;
  /** Of the dated, the ones whose sentence's date lies within the gold date. */
  within: number;
  /** Of the dated, those dated to a day; and of these, the ones the pipeline dated to that day. */
  days: number;
  exactDays: number;
  /** Gold events left undated by the annotators, and the ones the pipeline left undated too. */
  undated: number;
  undatedToo: number;
  /** Gold events told in an article's headline, which the pipeline reads as its title: left out. */
  titles: number;
}

/**
 * The gold events of a SemEval-2015 Task 4 corpus folder (`TimeLines_Gold_Standard/*.txt`, lines
 * `rank <TAB> date <TAB> docid-sentence-word...`), each sentence and date once.
 */
export function readGoldEvents(corpusDir: string): GoldEvent[] {
  const goldDir = join(corpusDir, "TimeLines_Gold_Standard");
  const seen = new Map<string, GoldEvent>();
  for (const name of readdirSync(goldDir).sort()) {
    if (!name.endsWith(".txt")) continue;
    for (const line of readFileSync(join(goldDir, name), "utf8").split("\n")) {
      const [, date, ...events] = line.trim().split("\t");
      if (!date || events.length === 0) continue;
      const range = goldRange(date);
      for (const event of events) {
        const match = /^(\d+)-(\d+)-/.exec(event);
        if (!match) continue;
        const id = `${match[1]}-${match[2]}-${date}`;
        if (!seen.has(id))
          seen.set(id, { document: match[1] as string, sentence: Number(match[2]), range });
      }
    }
  }
  return [...seen.values()];
}

/** `2005-01-18`, `2005-01-XX`, `2005-XX-XX` as days; `XXXX-XX-XX` as `null`. */
export function goldRange(date: string): [string, string] | null {
  const [year, month, day] = date.split("-");
  if (!year || !/^\d{4}$/.test(year)) return null;
  if (!month || !/^\d\d$/.test(month)) return [`${year}-01-01`, `${year}-12-31`];
  if (!day || !/^\d\d$/.test(day)) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return [`${year}-${month}-01`, `${year}-${month}-${String(last).padStart(2, "0")}`];
  }
  return [`${year}-${month}-${day}`, `${year}-${month}-${day}`];
}

/** The sentences (`<s id>`) of a TimeML file, annotations taken out, by id (still tokenised). */
export function timeMlSentences(text: string): Map<number, string> {
  const sentences = new Map<number, string>();
  for (const m of text.matchAll(/<s\b[^>]*\bid="(\d+)"[^>]*>([\s\S]*?)<\/s>/g))
    sentences.set(Number(m[1]), decodeXmlEntities((m[2] ?? "").replace(/<[^>]*>/g, "")).trim());
  return sentences;
}

/** Letters and digits only: tokenised and written text compare equal ("U.S. ." and "U.S."). */
const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * Scores the dates the pipeline gave the sentences of gold events: `files` maps each document id
 * to its TimeML text; `articles` and `records` are what the pipeline read from those files (the
 * article of a file found by its origin path). A gold sentence is the record whose text it holds
 * or that holds it, the longest; a sentence the pipeline does not take as a report is undated.
 * Events of a headline are counted apart: the pipeline reads it as the article's title.
 */
export function scoreEventDating(
  gold: readonly GoldEvent[],
  files: ReadonlyMap<string, { path: string; text: string }>,
  articles: readonly Article[],
  records: readonly (readonly MentionRecord[])[],
): EventDatingScore {
  const recordsOfPath = new Map<string, readonly MentionRecord[]>();
  const titleOf = new Map<string, string>();
  articles.forEach((article, i) => {
    for (const origin of article.origins) {
      recordsOfPath.set(origin.path, records[i] ?? []);
      titleOf.set(origin.path, article.title);
    }
  });
  const score: EventDatingScore = {
    dated: 0,
    found: 0,
    given: 0,
    within: 0,
    days: 0,
    exactDays: 0,
    undated: 0,
    undatedToo: 0,
    titles: 0,
  };
  const sentencesOf = new Map<string, Map<number, string>>();
  for (const event of gold) {
    const file = files.get(event.document);
    if (!file) continue;
    let sentences = sentencesOf.get(event.document);
    if (!sentences) {
      sentences = timeMlSentences(file.text);
      sentencesOf.set(event.document, sentences);
    }
    const wanted = key(sentences.get(event.sentence) ?? "");
    // A headline is the article's title, not one of its sentences.
    if (wanted === key(titleOf.get(file.path) ?? "")) {
      score.titles++;
      continue;
    }
    let best: MentionRecord | undefined;
    let bestLength = 0;
    for (const record of recordsOfPath.get(file.path) ?? []) {
      const own = key(record.mention.text);
      if (own.length === 0 || wanted.length === 0) continue;
      if ((wanted.includes(own) || own.includes(wanted)) && own.length > bestLength) {
        best = record;
        bestLength = own.length;
      }
    }
    const date = best?.reports ? best.date : undefined;
    const start = date?.start ?? null;
    const end = date?.end ?? null;
    if (event.range === null) {
      score.undated++;
      if (start === null) score.undatedToo++;
      continue;
    }
    score.dated++;
    const [from, to] = event.range;
    const day = from === to;
    if (day) score.days++;
    if (best) score.found++;
    if (start === null || end === null) continue;
    score.given++;
    if (start >= from && end <= to) {
      score.within++;
      if (day) score.exactDays++;
    }
  }
  return score;
}
