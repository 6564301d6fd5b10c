import { endsLikeSentence } from "./text-shape.js";

/** The longest line that may be a stamp, a byline or a counter; longer ones are prose. */
const LABEL_MAX_WORDS = 20;
const MONTH_OR_DAY =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|noon|midnight|the|then|now|law|far|contrast)/i;

/** "PUBLISHED: 10:48, Tue, Nov 19, 2019", "| UPDATED: …", "Posted: Fri 6:45 PM", "Published 1 day ago". */
const STAMP = /^[|·•]?\s*(?:first\s+|last\s+)?(?:published|updated|posted|modified)\b(?!\s+by\b)/i;
/** "By Paul Takahashi", "By Justine Coleman - 11/18/19 11:04 PM EST", "By HNN Staff | November 18". */
const BYLINE =
  /^[Bb]y\s+(\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:[|,–—-]|and\b|$))/u;
/** "Image 1 of 5", "3 / 12", "1of4": a slideshow's counter. */
const COUNTER = /^(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:of|\/)\s*\d{1,3}$/i;
const COUNTER_PREFIX = /^\d{1,3}of\d{1,3}\b/i;
/** A caption's picture credit closing it: "(Image: GETTY )", "(AP Photo/David Zalubowski)". */
const PICTURE_CREDIT =
  /(?:\((?:image|photo|photograph|picture|pictured)s?(?:\s+credit)?\s*:[^()]{1,100}\)|\([^()]*\bphoto\s*\/[^()]{1,100}\)|\p{Ll}Credit:\s*[^.]{1,80})\s*$/iu;
/** A line that is a picture credit: "(Image credit: Blue Origin)", "Photo credit: NASA". */
const CREDIT_LABEL = /^\(?\s*(?:image|photo|photograph|picture)s?(?:\s+credit)?\s*:/i;
/** "Citation: Hibernating astronauts … retrieved 20 November 2019 from https://…". */
const CITATION = /^citation\s*:.*\bretrieved\b/i;

/**
 * A paragraph that is the page's label rather than the story's prose, in any format: a
 * publication or update stamp, a byline on its own line, a slideshow counter, a picture's caption
 * closed by its credit, a credit line, or a "Citation: … retrieved …" footer.
 */
export function isFurnitureLine(paragraph: string): boolean {
  const text = paragraph.trim();
  if (CITATION.test(text) || PICTURE_CREDIT.test(text) || COUNTER_PREFIX.test(text)) return true;
  const words = text.split(/\s+/).length;
  if (words > LABEL_MAX_WORDS) return false;
  if (COUNTER.test(text) || CREDIT_LABEL.test(text)) return true;
  if (STAMP.test(text)) return /\d/.test(text) && (words <= 6 || !endsLikeSentence(text));
  const byline = BYLINE.exec(text);
  return byline !== null && !MONTH_OR_DAY.test(byline[1] ?? "") && !endsLikeSentence(text);
}
