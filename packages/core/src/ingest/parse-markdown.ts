import { lexer, type Token, type Tokens } from "marked";
import { parse as parseYaml } from "yaml";
import type { Origin } from "../model/article.js";
import type { ArticleDraft } from "./article-draft.js";
import { CorpusError } from "./errors.js";
import { htmlToText } from "./html-text.js";

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a Markdown article with optional YAML front matter (`title`, `date`, `publisher`, `url`,
 * `author`, `language`). Without a `title`, the first heading is the title.
 */
export function parseMarkdown(text: string, origin: Origin): ArticleDraft {
  const match = FRONT_MATTER.exec(text);
  const meta = match ? readFrontMatter(match[1] ?? "", origin.path) : {};
  const tokens = lexer(match ? text.slice(match[0].length) : text);
  const paragraphs: string[] = [];
  let heading: string | undefined;
  for (const token of tokens) collect(token);

  const title = stringField(meta, "title") ?? heading ?? "";
  const draft: ArticleDraft = { title, paragraphs, dates: [], origin };
  const date = meta.date instanceof Date ? meta.date.toISOString() : stringField(meta, "date");
  if (date) draft.dates.push({ text: date, rule: "front-matter:date" });
  const publisher = stringField(meta, "publisher") ?? stringField(meta, "source");
  if (publisher) draft.publisher = publisher;
  const url = stringField(meta, "url") ?? stringField(meta, "link");
  if (url) draft.url = url;
  const byline = stringField(meta, "author") ?? stringField(meta, "byline");
  if (byline) draft.byline = byline;
  const language = stringField(meta, "language") ?? stringField(meta, "lang");
  if (language) draft.language = language;
  return draft;

  function collect(token: Token): void {
    if (token.type === "heading") {
      if (heading === undefined) heading = inlineText(token as Tokens.Heading);
    } else if (token.type === "paragraph" || token.type === "text") {
      const textOf = inlineText(token as Tokens.Paragraph);
      if (textOf.length > 0) paragraphs.push(textOf);
    } else if (token.type === "blockquote") {
      for (const inner of (token as Tokens.Blockquote).tokens) collect(inner);
    } else if (token.type === "list") {
      for (const item of (token as Tokens.List).items)
        for (const inner of item.tokens) collect(inner);
    }
  }
}

function inlineText(token: { tokens?: Token[]; text: string }): string {
  const parts = token.tokens ? token.tokens.map(plain) : [token.text];
  return htmlToText(parts.join(""));
}

function plain(token: Token): string {
  if ("tokens" in token && Array.isArray(token.tokens)) return token.tokens.map(plain).join("");
  if (token.type === "br") return " ";
  if (token.type === "html") return "";
  return "text" in token && typeof token.text === "string" ? token.text : token.raw;
}

function readFrontMatter(yaml: string, path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(yaml);
  } catch (error) {
    throw new CorpusError(path, `front matter is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new CorpusError(
      path,
      `front matter: expected a mapping of fields, found ${Array.isArray(value) ? "a list" : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

function stringField(meta: Record<string, unknown>, key: string): string | undefined {
  const value = meta[key];
  if (typeof value === "string" && value.trim().length > 0) return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}
