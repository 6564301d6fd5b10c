import { parseDateLine } from "../dates/parse-date-line.js";
import { countWords, endsLikeSentence, hasAtMostWords, lineKey } from "./text-shape.js";

/** What a line of scraped page text is. */
export type LineKind =
  | "prose"
  | "heading"
  | "date"
  | "byline"
  | "caption"
  | "teaser"
  | "duplicate"
  | "repeated"
  | "junk";

export interface ClassifiedLine {
  text: string;
  kind: LineKind;
  words: number;
  /** For `date` lines: the day read. */
  date?: string;
}

export interface ClassifyOptions {
  /** Keys ({@link lineKey}) of lines that recur across many files of the corpus. */
  repeatedLines?: ReadonlySet<string>;
}

const DATE_LABEL = /^(published|updated|posted|last updated|date)(\s+on)?\s*:?\s*/i;
const TRAILING_CREDIT = /\[[^\]]{2,80}\]\s*$/;
const BY_LINE =
  /^by\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*(,|and)\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})*\s*$/iu;
const LOOKAHEAD = 6;

/**
 * Classifies the non-empty lines of a scraped page by general rules of shape and position:
 * date lines, bylines, photo captions, teasers that repeat a later line (breadcrumbs glued to a
 * truncated title), repeated lines, headings and widgets (short, no sentence punctuation), prose.
 */
export function classifyLines(
  lines: readonly string[],
  options: ClassifyOptions = {},
): ClassifiedLine[] {
  const keys = lines.map(lineKey);
  const seen = new Set<string>();
  return lines.map((text, index) => {
    const key = keys[index] as string;
    const words = countWords(text);
    const kind = classifyOne(text, key, words, index);
    seen.add(key);
    const result: ClassifiedLine = { text, kind, words };
    if (kind === "date") {
      const parsed = parseDateLine(text.replace(DATE_LABEL, ""));
      if (parsed) result.date = parsed.date;
    }
    return result;
  });

  function classifyOne(text: string, key: string, words: number, index: number): LineKind {
    if (seen.has(key)) return "duplicate";
    if (words <= 10 && parseDateLine(text.replace(DATE_LABEL, ""))) return "date";
    if (words < 2) return "junk";
    if (options.repeatedLines?.has(key) && words <= 25) return "repeated";
    if (isTeaserOfLaterLine(key, keys.slice(index + 1, index + 1 + LOOKAHEAD))) return "teaser";
    if (TRAILING_CREDIT.test(text) && words >= 4) return "caption";
    if (isByline(text, words)) return "byline";
    // A short unquoted question standing alone is a subheading ("What happens next?").
    if (words <= 10 && /\?$/.test(text) && !/^["“'‘«]/u.test(text)) return "heading";
    if (endsLikeSentence(text) || words >= 16) return words >= 3 ? "prose" : "junk";
    return "heading";
  }
}

/**
 * A line is a teaser of a later line when a tail of it (at least half of it) begins that later
 * line: a truncated title, or a breadcrumb glued to one ("HomeNewsThe Title...").
 */
function isTeaserOfLaterLine(key: string, later: readonly string[]): boolean {
  if (key.length > 300) return false;
  for (const other of later) {
    if (other.length < 20) continue;
    for (let i = 0; i < key.length; i++) {
      const tail = key.slice(i);
      if (tail.length < 20 || tail.length < key.length * 0.5) break;
      if (other !== key && other.startsWith(tail)) return true;
    }
  }
  return false;
}

function isByline(text: string, words: number): boolean {
  if (words > 12 || endsLikeSentence(text)) return false;
  if (BY_LINE.test(text.trim())) return true;
  const parts = text.split(/\s+\/\s+/);
  return parts.length >= 3 && parts.every((part) => hasAtMostWords(part, 4));
}
