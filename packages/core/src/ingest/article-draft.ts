import type { Article, Origin } from "../model/article.js";

/** A date a source offers for its own publication, before any judgement. */
export interface DateCandidate {
  /** The raw text or metadata value. */
  text: string;
  /** Where it came from: `meta:article:published_time`, `json-ld:datePublished`, `date-line`... */
  rule: string;
  /** `YYYY-MM-DD` when the text could be read as a full date. */
  date?: string;
}

/** What a format parser makes of one article, before ids, dates and duplicates are settled. */
export interface ArticleDraft {
  title: string;
  paragraphs: string[];
  url?: string;
  publisher?: string;
  byline?: string;
  language?: string;
  dates: DateCandidate[];
  origin: Origin;
  /** Lines recognised as page furniture and left out of the body. */
  furniture?: string[];
  /** An article that was already in the project's own JSON form. */
  complete?: Article;
}
