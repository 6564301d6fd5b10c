import { cleanText } from "./clean-text.js";

/**
 * Makes untrusted text safe inside a Markdown paragraph, list item or table cell: characters that
 * start inline structure (code, emphasis, links, HTML, tables, strikethrough) are backslash-escaped,
 * an `&` that would start a character reference (`&copy;`, `&#169;`) is written as `&amp;` (a plain
 * one, as in "S&P 500", reads as it is), line breaks are folded, and a leading character that would open a
 * block (heading, quote, list, thematic break) is escaped, so article text can never change the
 * document's shape.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
    .replace(/^[#+=-]/, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}
