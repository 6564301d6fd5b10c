import type { SourceFormat } from "../model/article.js";

/** A format guess: a feed's exact flavour is settled by the feed parser. */
export type DetectedFormat = SourceFormat | "feed";

const BY_EXTENSION: Record<string, DetectedFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  rss: "feed",
  atom: "feed",
  rdf: "feed",
  xml: "feed",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
  sgm: "reuters-sgml",
  sgml: "reuters-sgml",
  tml: "timeml",
};

/**
 * Tells the format of a file: unmistakable markup (an HTML page, a feed, Reuters SGML, TimeML) wins over the
 * extension, so a `.txt` holding HTML is HTML; then the extension; then the content's shape.
 */
export function detectFormat(path: string, text: string): DetectedFormat {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  return sniffMarkup(head) ?? BY_EXTENSION[extensionOf(path)] ?? sniffData(head, text) ?? "text";
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

function sniffMarkup(head: string): DetectedFormat | null {
  if (/^---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/.test(head)) return "markdown";
  if (head.startsWith("{") && isJsonFeed(head)) return "feed";
  if (!head.startsWith("<")) return null;
  if (/<REUTERS\b/i.test(head)) return "reuters-sgml";
  if (/<TimeML[\s>]/.test(head)) return "timeml";
  if (/^<!doctype\s+html|<html[\s>]/i.test(head)) return "html";
  if (/<(rss|feed|rdf:RDF)[\s>]/i.test(head) || /^<\?xml/i.test(head)) return "feed";
  return null;
}

function sniffData(head: string, text: string): DetectedFormat | null {
  if (head.startsWith("<") && /<(body|div|p|article|head)[\s>]/i.test(head)) return "html";
  if (head.startsWith("{") || head.startsWith("[")) {
    const firstLine = head.split("\n", 1)[0] ?? "";
    const manyObjectLines = /\n\s*\{/.test(text.slice(0, 65536));
    if (head.startsWith("{") && firstLine.trim().endsWith("}") && manyObjectLines) return "jsonl";
    return "json";
  }
  return null;
}

// A JSON Feed names its version (slashes may be escaped), or at least its feed and home page URLs.
function isJsonFeed(head: string): boolean {
  if (/"version"\s*:\s*"https?:\\?\/\\?\/jsonfeed\.org/.test(head)) return true;
  return /"items"\s*:\s*\[/.test(head) && /"(feed_url|home_page_url)"\s*:/.test(head);
}
