import type { ArticleDraft, DateCandidate } from "./article-draft.js";
import { decodeXmlEntities } from "./decode-xml-entities.js";
import { detokenise } from "./detokenise.js";
import { elementContent } from "./element-content.js";
import { CorpusError } from "./errors.js";
import { collapseWhitespace, lineKey } from "./text-shape.js";

/** A TimeML document read, and what in it could not be used. */
export interface ParsedTimeMl {
  draft: ArticleDraft;
  warnings: string[];
}

/** A creation time's value that names a day: `2005-02-17`, maybe with a time after it. */
const DAY_VALUE = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]*)?$/;
/** An `<EXTRAINFO>` that only repeats the document's id and kind ("ABC19980108.1830.0711 NEWS STORY"). */
const ID_LINE = /^\S+\s+(?:NEWS\s+STORY|STORY|NEWS)$/i;

/**
 * Reads a TimeML document (TimeBank, AQUAINT, MEANTIME, SemEval-2015's Wikinews): the text of
 * `<TEXT>` with its annotations (events, time expressions, signals) taken out, in paragraphs at its
 * blank lines, or one per `<s>` where sentences are marked; the document creation time (`<DCT>`) as
 * the publication date; the title from `<TITLE>`, else from `<EXTRAINFO>` when it is more than the
 * document's id, the same line opening the text being the title's, not the body's.
 */
export function parseTimeMl(text: string, path: string): ParsedTimeMl {
  const warnings: string[] = [];
  const body = elementContent(text, "TEXT");
  if (body === undefined)
    throw new CorpusError(path, "expected a TimeML <TEXT> element, found none");
  const title = plain(
    elementContent(text, "TITLE") ?? titleOf(elementContent(text, "EXTRAINFO") ?? ""),
  );
  const sentences = [...body.matchAll(/<s\b[^>]*>([\s\S]*?)<\/s>/g)].map((m) => m[1] ?? "");
  const blocks = sentences.length > 0 ? sentences : body.split(/\n\s*\n/);
  const paragraphs = blocks.map(plain).filter((p) => /\p{L}/u.test(p));
  // The headline printed again above the story is the title's.
  if (title && paragraphs[0] && sameLine(paragraphs[0], title)) paragraphs.shift();
  const dates: DateCandidate[] = [];
  const dct = elementContent(text, "DCT");
  const value = dct === undefined ? undefined : /\bvalue\s*=\s*"([^"]*)"/.exec(dct)?.[1];
  if (value !== undefined) {
    const day = DAY_VALUE.exec(value.trim())?.[1];
    const candidate: DateCandidate = { text: value, rule: "timeml:DCT" };
    if (day) candidate.date = day;
    else
      warnings.push(
        `expected the <DCT> time's value to be a day like 2005-02-17, found "${value}"`,
      );
    dates.push(candidate);
  } else
    warnings.push("no document creation time (<DCT> with a dated TIMEX3); its date is inferred");
  return {
    draft: { title, paragraphs, dates, origin: { path, format: "timeml" } },
    warnings,
  };
}

function titleOf(extra: string): string {
  const line = plain(extra);
  return ID_LINE.test(line) ? "" : line;
}

/** Markup taken out, references decoded, white space made single spaces. */
function plain(markup: string): string {
  return collapseWhitespace(decodeXmlEntities(markup.replace(/<[^>]*>/g, "")));
}

function sameLine(a: string, b: string): boolean {
  return lineKey(detokenise(a)) === lineKey(detokenise(b));
}
