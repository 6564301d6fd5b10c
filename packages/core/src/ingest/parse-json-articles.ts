import { ArticleSchema, type Origin } from "../model/article.js";
import type { ArticleDraft } from "./article-draft.js";
import { CorpusError } from "./errors.js";
import { collapseWhitespace } from "./text-shape.js";

type Json = Record<string, unknown>;

/** Drafts read from a JSON or JSONL file, and the records that could not be read. */
export interface ParsedJson {
  drafts: ArticleDraft[];
  rejected: { where: string; message: string }[];
}

const TEXT_FIELDS = ["text", "body", "content", "maintext", "description"];
const DATE_FIELDS = [
  "published",
  "date",
  "time",
  "date_publish",
  "publishedAt",
  "pubDate",
  "datePublished",
];

/**
 * Reads articles from JSON: an array of records, `{articles: [...]}`, or one record. A record is
 * the project's own `Article` JSON, the news-tls layout `{id, time, text, title?}`, or a generic
 * `{title, text|body|content, date|published|time, url, publisher|source, author}`.
 */
export function parseJsonArticles(text: string, path: string): ParsedJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(path, `expected JSON; ${(error as Error).message}`, { cause: error });
  }
  const wrapped = !Array.isArray(data) && Array.isArray((data as Json | null)?.articles);
  const records = Array.isArray(data)
    ? data
    : wrapped
      ? ((data as Json).articles as unknown[])
      : [data];
  const result: ParsedJson = { drafts: [], rejected: [] };
  records.forEach((record, index) => {
    const where = Array.isArray(data) || wrapped ? `${path}#${index + 1}` : path;
    addRecord(result, record, { path: where, format: "json" });
  });
  return result;
}

/** Reads one article record per line; a bad line is rejected with its line number. */
export function parseJsonLines(text: string, path: string): ParsedJson {
  const result: ParsedJson = { drafts: [], rejected: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    const where = `${path}:${index + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      const last =
        index === lines.length - 1 || lines.slice(index + 1).every((rest) => rest.trim() === "");
      const hint = last ? " (the file looks truncated)" : "";
      result.rejected.push({
        where,
        message: `expected one JSON object on the line; ${(error as Error).message}${hint}`,
      });
      return;
    }
    addRecord(result, record, { path: where, format: "jsonl" });
  });
  return result;
}

function addRecord(result: ParsedJson, record: unknown, origin: Origin): void {
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    result.rejected.push({
      where: origin.path,
      message: `expected an article object, found ${kindOf(record)}`,
    });
    return;
  }
  const draft = recordToDraft(record as Json, origin);
  if (typeof draft === "string") result.rejected.push({ where: origin.path, message: draft });
  else result.drafts.push(draft);
}

function recordToDraft(record: Json, origin: Origin): ArticleDraft | string {
  if (Array.isArray(record.paragraphs) && typeof record.published === "object") {
    const parsed = ArticleSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `looks like a Briefing Article but field "${issue?.path.join(".")}" is wrong: ${issue?.message}`;
    }
    const article = parsed.data;
    return {
      title: article.title,
      paragraphs: article.paragraphs,
      dates: [],
      origin,
      complete: article,
    };
  }
  const body = TEXT_FIELDS.map((field) => record[field]).find(
    (value) => typeof value === "string",
  ) as string | undefined;
  const title = typeof record.title === "string" ? record.title.trim() : "";
  if (body === undefined && title.length === 0) {
    return `expected a "title" or a text field (${TEXT_FIELDS.join(", ")}), found fields ${Object.keys(record).join(", ") || "none"}`;
  }
  const draft: ArticleDraft = { title, paragraphs: splitParagraphs(body ?? ""), dates: [], origin };
  for (const field of DATE_FIELDS) {
    const value = record[field];
    if (typeof value === "string" && value.trim())
      draft.dates.push({ text: value.trim(), rule: `json:${field}` });
  }
  const url = stringOf(record.url) ?? stringOf(record.link);
  if (url) draft.url = url;
  const publisher =
    stringOf(record.publisher) ?? stringOf(record.source) ?? stringOf(record.source_domain);
  if (publisher) draft.publisher = publisher;
  const byline = stringOf(record.byline) ?? stringOf(record.author) ?? stringList(record.authors);
  if (byline) draft.byline = byline;
  const language = stringOf(record.language) ?? stringOf(record.lang);
  if (language) draft.language = language;
  return draft;
}

/** Blank lines separate paragraphs; text without any keeps one paragraph per line. */
function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, "\n");
  const blocks = /\n\s*\n/.test(normalised) ? normalised.split(/\n\s*\n/) : normalised.split("\n");
  return blocks.map(collapseWhitespace).filter((block) => block.length > 0);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
}

function stringList(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.filter(
    (item): item is string => typeof item === "string" && item.trim().length > 0,
  );
  return names.length > 0 ? names.join(", ") : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}
