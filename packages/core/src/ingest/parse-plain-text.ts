import type { Origin } from "../model/article.js";
import type { ArticleDraft, DateCandidate } from "./article-draft.js";
import { type ClassifiedLine, type ClassifyOptions, classifyLines } from "./classify-line.js";
import { splitLines } from "./text-shape.js";

const LEAD_MIN_WORDS = 12;
const MEDIA_TAG = /\s*[([](photos?|videos?|watch|gallery|live|updated?|pictures)[)\]]\s*$/i;
const BY_PREFIX = /^by\s+/i;
/** Lines at the top of a text where a header line giving the page's address may be. */
const HEADER_LINES = 8;
/** A header line giving the page's address. */
const URL_LINE = /^(?:url|link|source|address)\s*:\s*(https?:\/\/\S+)$/i;

/**
 * Reads an article from text scraped from a web page: finds the article's own title among the
 * header lines, keeps date lines and bylines as metadata, and keeps the prose of the body while
 * leaving out page furniture (navigation, teasers, captions, widgets, comment prompts).
 * Returns `null` when the text holds no prose at all.
 */
export function parsePlainText(
  text: string,
  origin: Origin,
  options: ClassifyOptions = {},
): ArticleDraft | null {
  const lines = splitLines(text)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  // "URL: https://…" in the header: where the story was published, not its text nor its title.
  const urlLine = lines.findIndex((line, i) => i < HEADER_LINES && URL_LINE.test(line));
  const url = urlLine >= 0 ? URL_LINE.exec(lines[urlLine] as string)?.[1] : undefined;
  if (urlLine >= 0) lines.splice(urlLine, 1);
  const classified = classifyLines(lines, options);
  const leadIndex = classified.findIndex((l) => l.kind === "prose" && l.words >= LEAD_MIN_WORDS);
  const firstProse = leadIndex >= 0 ? leadIndex : classified.findIndex((l) => l.kind === "prose");
  if (firstProse < 0) return null;
  const titleIndex = findTitle(classified, firstProse);
  const tailStart = lastLongProse(classified) + 1;

  const paragraphs: string[] = [];
  const furniture: string[] = [];
  const dates: DateCandidate[] = [];
  let byline: string | undefined;
  classified.forEach((line, index) => {
    if (index === titleIndex) return;
    if (line.kind === "date" && line.date) {
      dates.push({
        text: line.text,
        // Above the headline sits the site's "today"; below it, the story's own date line.
        rule: titleIndex >= 0 && index < titleIndex ? "date-line:header" : "date-line",
        date: line.date,
      });
    } else if (line.kind === "byline" && byline === undefined) {
      byline = line.text.replace(BY_PREFIX, "");
    } else if (
      line.kind === "prose" &&
      index > titleIndex &&
      !isTailPrompt(line, index, tailStart)
    ) {
      paragraphs.push(line.text);
    } else if (line.kind !== "duplicate") {
      furniture.push(line.text);
    }
  });

  const title =
    titleIndex >= 0 ? cleanTitle(classified[titleIndex]?.text ?? "") : inferTitle(paragraphs);
  const draft: ArticleDraft = { title, paragraphs, dates, origin, furniture };
  if (byline !== undefined) draft.byline = byline;
  if (url !== undefined) draft.url = url;
  return draft;
}

/**
 * The title is the last title-shaped line of the header, just above the article's lead; a
 * line that ends in a dash leads into the story ("April 29 (UPI) —", "WASHINGTON -"): a
 * dateline, not a title.
 */
function findTitle(lines: readonly ClassifiedLine[], lead: number): number {
  for (let i = lead - 1; i >= 0; i--) {
    const line = lines[i] as ClassifiedLine;
    if (line.kind === "heading" && DATELINE_DASH.test(line.text)) continue;
    if (line.kind === "heading" && line.words >= 2 && line.words <= 30) return i;
    if (line.kind === "prose" && line.words <= 25 && /[?!]["'”’]*$/.test(line.text)) return i;
  }
  return -1;
}

/** A line ending in a dash, as a dateline does before the story it opens. */
const DATELINE_DASH = /\s[-–—]+$/u;

function lastLongProse(lines: readonly ClassifiedLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as ClassifiedLine;
    if (line.kind === "prose" && line.words >= LEAD_MIN_WORDS) return i;
  }
  return lines.length - 1;
}

/** Short exclamations and questions after the story ends are prompts ("Leave a comment!"). */
function isTailPrompt(line: ClassifiedLine, index: number, tailStart: number): boolean {
  return index >= tailStart && line.words < 8 && /[!?]["'”’]*$/.test(line.text);
}

function cleanTitle(title: string): string {
  return title.replace(MEDIA_TAG, "").trim();
}

/** With no title line, the title is the first sentence of the body, shortened. */
function inferTitle(paragraphs: readonly string[]): string {
  const first = paragraphs[0] ?? "";
  const sentence = first.split(/(?<=[.!?])\s+/u)[0] ?? first;
  const words = sentence.split(/\s+/);
  if (words.length <= 16) return sentence.replace(/[.]$/, "");
  return `${words
    .slice(0, 14)
    .join(" ")
    .replace(/[,;:]$/, "")}…`;
}
