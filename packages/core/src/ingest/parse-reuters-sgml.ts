import type { ArticleDraft, DateCandidate } from "./article-draft.js";
import { decodeXmlEntities as decode } from "./decode-xml-entities.js";
import { elementContent } from "./element-content.js";
import { collapseWhitespace } from "./text-shape.js";

const STORY = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const REUTERS_DATE = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})\b/i;

/** Stories read from a Reuters-21578 SGML file, and how many `<REUTERS>` blocks were unclosed. */
export interface ParsedReuters {
  drafts: ArticleDraft[];
  unclosed: number;
  warnings: { where: string; message: string }[];
}

/**
 * Reads Reuters-21578 SGML: one draft per `<REUTERS>` element, with `<TITLE>`, `<BODY>` split into
 * paragraphs at the indented lines, and `<DATE>` as the publication date. Stories with a title but
 * no body are kept (they are headline-only wire items).
 */
export function parseReutersSgml(text: string, path: string): ParsedReuters {
  const result: ParsedReuters = { drafts: [], unclosed: 0, warnings: [] };
  let matched = 0;
  for (const match of text.matchAll(STORY)) {
    matched++;
    const attributes = match[1] ?? "";
    const story = match[2] ?? "";
    const id = /NEWID="(\d+)"/.exec(attributes)?.[1] ?? String(matched);
    const where = `${path}#${id}`;
    const title = collapseWhitespace(decode(elementContent(story, "TITLE") ?? ""));
    const body = elementContent(story, "BODY") ?? textOnly(story);
    const paragraphs = splitBody(decode(body));
    if (title.length === 0 && paragraphs.length === 0) {
      result.warnings.push({ where, message: "story has neither title nor body; nothing to read" });
      continue;
    }
    const draft: ArticleDraft = {
      title,
      paragraphs,
      dates: [],
      origin: { path: where, format: "reuters-sgml" },
      publisher: "Reuters",
    };
    const rawDate = elementContent(story, "DATE")?.trim();
    if (rawDate) {
      const date = readDate(rawDate);
      const candidate: DateCandidate = { text: rawDate, rule: "reuters:DATE" };
      if (date) candidate.date = date;
      else
        result.warnings.push({
          where,
          message: `expected a <DATE> like 26-FEB-1987, found "${rawDate}"`,
        });
      draft.dates.push(candidate);
    }
    result.drafts.push(draft);
  }
  const opened = text.match(/<REUTERS\b/g)?.length ?? 0;
  result.unclosed = opened - matched;
  return result;
}

function textOnly(story: string): string {
  const text = elementContent(story, "TEXT") ?? "";
  return text.replace(
    /<TITLE>[\s\S]*?<\/TITLE>|<DATELINE>[\s\S]*?<\/DATELINE>|<AUTHOR>[\s\S]*?<\/AUTHOR>/g,
    "",
  );
}

function splitBody(body: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Reuters SGML carries control bytes (STX, ETX) that are not text.
  const cleaned = body.replace(/[\u0000-\u0008\u000b-\u001f]/g, "").replace(/\s*\bReuter\s*$/, "");
  return cleaned
    .split(/\n(?=[ \t]{2,})/)
    .map(collapseWhitespace)
    .filter((paragraph) => /\p{L}/u.test(paragraph));
}

function readDate(raw: string): string | undefined {
  const match = REUTERS_DATE.exec(raw);
  if (!match) return undefined;
  const month = MONTHS.indexOf((match[2] ?? "").toUpperCase()) + 1;
  if (month === 0) return undefined;
  return `${match[3]}-${String(month).padStart(2, "0")}-${(match[1] ?? "").padStart(2, "0")}`;
}
