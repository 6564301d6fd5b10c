import { CAPITAL_MONTH_PATTERN } from "../dates/candidate-date.js";
import type { ArticleDraft } from "./article-draft.js";
import { detokenise, isTokenised } from "./detokenise.js";
import { isFurnitureLine } from "./furniture-line.js";
import { hasAtMostWords } from "./text-shape.js";

/** The longest line that may be a credit or a sign-off; longer ones are the story's prose. */
const CREDIT_MAX_WORDS = 45;
/** Lines that credit the reporting, or sign the copyright off: furniture in every format. */
const CREDIT_LINES = [
  // "(Reporting by Tom Hals; editing by Andre Grenon)", "Additional reporting by ..."
  /^[([]?\s*(?:additional\s+|writing\s+and\s+)?(?:reporting|writing|editing|edited|compiled|research|produced|photos?)\s+by\b/i,
  // "Staff writer Juliet Eilperin contributed to this report."
  /\bcontributed\s+(?:reporting\s+|research\s+)?to\s+(?:this|the)\s+(?:report|story|article)\b/i,
  // "© 2010 Reuters", "(c) Copyright 2011", "All rights reserved."
  /^[([]?\s*(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  // "This document is subject to copyright."
  /\bsubject to copyright\b/i,
  // "Fahrenthold reported from Washington."
  /^(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:and\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,3})?reported\s+from\s+\p{Lu}[\p{L}'’.-]*(?:(?:,\s*|\s+|\s+and\s+)\p{Lu}[\p{L}'’.-]*)*\.?$/u,
];
/** "Reporting by", "Additional reporting by", "Editing by": how a credit in brackets opens. */
const CREDIT_BY = String.raw`[([]\s*(?:additional\s+)?(?:reporting|writing|editing|edited)\s+by\b`;
/**
 * A paragraph a bracketed credit or a print-edition note opens ("A version of this article
 * appears in print on …", "A version appeared on p22 of the Main section …"): the rest is the
 * page's too.
 */
const OPENING_CREDIT = new RegExp(
  `^(?:${CREDIT_BY}|a version of this (?:article|story|review|column) appear(?:s|ed)\\b|a version appeared on p(?:age)?\\s?[a-z]?\\d+\\b)`,
  "i",
);
/** A credit in brackets closing a paragraph of prose. */
const TRAILING_CREDIT = new RegExp(String.raw`\s*${CREDIT_BY}[^)\]]*[)\]]\s*$`, "i");
/**
 * A reader comment's footer or header: a time of day beside "Reply", "Report abuse" or
 * "Permalink" ("January 31, 2011 at 6:57 pm | Reply"), or "Posted by ... at 6:57 pm".
 */
const COMMENT_MARK =
  /(?:\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b.{0,30}(?:\||·)\s*(?:reply|report abuse|permalink|flag|like)\b)|(?:^(?:posted|submitted|written)\s+by\b.{0,80}\b\d{1,2}[:.]\d{2}\s*[ap]\.?m\b)/i;

/** A photo agency's credit opening a paragraph: the credit line of the caption before it. */
const PHOTO_CREDIT_OPENING =
  /^\(?\s*(?:(?:AP|AFP|Reuters|REUTERS)\s*\/\s*Getty Images|AP Photo|AP|AFP|EPA|REUTERS|Getty Images)(?:\d{4})?\s*\)?(?:\s+(?=[\p{Lu}(])|$)/u;
/** A slideshow caption's opening: its picture's day or "FILE", then a colon ("May 4 : Workers …"). */
const CAPTION_OPENING = new RegExp(
  `^(?:FILE|${CAPITAL_MONTH_PATTERN}\\s+\\d{1,2}(?:\\s*,\\s*\\d{4})?)\\s*:`,
  "u",
);
/** A wire story's dateline: "GRAND ISLE, La. --", "NEW ORLEANS —". */
const DATELINE_OPENING = /^\p{Lu}[\p{Lu} .'-]+(?:,\s*[\p{L}. ]+)?\s*(?:--|—|–)\s/u;
/** The longest paragraph a photo credit after it makes a caption. */
const CAPTION_MAX_WORDS = 40;

/**
 * Makes a parsed draft's text ready to read, whatever its format: a research dump's Penn Treebank
 * tokens are undone, and credits (reporting, editing, copyright lines), sign-offs, reader comments
 * and the page's labels (stamps, bylines, captions, counters: isFurnitureLine) leave the body for
 * the draft's furniture. A short paragraph the next one opens with a photo agency's credit is a
 * caption, as is one opening with a credit and then a picture's day ("AP May 5 : Gathered oil
 * burns …") and one opening with a picture's day right before the story's dateline; a credit
 * opening a paragraph of prose leaves it. Past the second comment mark, the
 * rest of the article is comments, from the paragraph before the first mark.
 */
export function cleanDraft(draft: ArticleDraft): ArticleDraft {
  if (draft.complete) return draft;
  const tokenised = isTokenised(draft.paragraphs.join("\n"));
  const text = tokenised ? draft.paragraphs.map(detokenise) : draft.paragraphs;
  const marks = text.flatMap((p, i) => (COMMENT_MARK.test(p) ? [i] : []));
  const commentsFrom = marks.length >= 2 ? Math.max(1, (marks[0] as number) - 1) : text.length;
  const credits = text.map((p) => PHOTO_CREDIT_OPENING.exec(p)?.[0] ?? "");
  const isCaption = (i: number) =>
    ((credits[i + 1] ?? "") !== "" && hasAtMostWords(text[i] ?? "", CAPTION_MAX_WORDS)) ||
    ((credits[i] ?? "") !== "" &&
      CAPTION_OPENING.test((text[i] ?? "").slice(credits[i]?.length))) ||
    // A picture's day and a colon right before the story's dateline: the lead picture's caption.
    (CAPTION_OPENING.test(text[i] ?? "") && DATELINE_OPENING.test(text[i + 1] ?? ""));
  const paragraphs: string[] = [];
  const furniture = [...(draft.furniture ?? [])];
  text.forEach((whole, i) => {
    if (
      i >= commentsFrom ||
      marks.includes(i) ||
      isCredit(whole) ||
      isFurnitureLine(whole) ||
      isCaption(i)
    ) {
      furniture.push(whole);
      return;
    }
    const photoCredit = credits[i] ?? "";
    if (photoCredit.trim() !== "") furniture.push(photoCredit.trim());
    const paragraph = whole.slice(photoCredit.length);
    const credit = TRAILING_CREDIT.exec(paragraph);
    if (credit && credit.index > 0) {
      furniture.push(credit[0].trim());
      paragraphs.push(paragraph.slice(0, credit.index));
    } else paragraphs.push(paragraph);
  });
  const title = tokenised ? detokenise(draft.title) : draft.title;
  // A text of nothing but credits is left whole: it is what the file holds.
  if (paragraphs.length === 0) return { ...draft, title, paragraphs: text };
  const cleaned: ArticleDraft = { ...draft, title, paragraphs };
  if (furniture.length > 0) cleaned.furniture = furniture;
  return cleaned;
}

/**
 * A credit line, or a paragraph a bracketed credit opens: what follows a credit on its line is
 * the page's, not the story's ("(Reporting by ...) We welcome comments ...").
 */
function isCredit(paragraph: string): boolean {
  const text = paragraph.trim();
  if (OPENING_CREDIT.test(text)) return true;
  // The rules first: they pass over nearly every paragraph at once, counting words does not.
  return CREDIT_LINES.some((rule) => rule.test(text)) && hasAtMostWords(text, CREDIT_MAX_WORDS);
}
