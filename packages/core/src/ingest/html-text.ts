import { limitNesting } from "./limit-nesting.js";
import { loadOnFirstUse } from "./load-on-first-use.js";
import { prunePageFurniture } from "./prune-page-furniture.js";

/** linkedom, loaded when the first HTML is read. */
export const linkedom = loadOnFirstUse<typeof import("linkedom")>("linkedom");

const BLOCKS = "p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, td, dd, figcaption";

/**
 * The paragraphs of an HTML fragment: the text of each block element that holds no other block,
 * with white space collapsed; text outside any block becomes a paragraph of its own. The page's
 * furniture (captions, menus, link lists, share bars: prunePageFurniture) is left out.
 */
export function htmlToParagraphs(html: string): string[] {
  const { document } = linkedom().parseHTML(
    `<!doctype html><html><body>${limitNesting(html).html}</body></html>`,
  );
  for (const node of document.querySelectorAll("script, style, noscript, template, iframe")) {
    node.remove();
  }
  const body = document.body;
  prunePageFurniture(body as unknown as Parameters<typeof prunePageFurniture>[0]);
  const blocks = [...body.querySelectorAll(BLOCKS)].filter(
    (element) => element.querySelector(BLOCKS) === null,
  );
  if (blocks.length === 0) return splitPlain(body.textContent ?? "");
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const text = collapse(block.textContent ?? "");
    if (text.length > 0) paragraphs.push(text);
  }
  return paragraphs;
}

/** Plain text of an HTML snippet (a feed title with entities, say), white space collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const { document } = linkedom().parseHTML(
    `<!doctype html><html><body>${limitNesting(html).html}</body></html>`,
  );
  return collapse(document.body.textContent ?? "");
}

function splitPlain(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(collapse)
    .filter((paragraph) => paragraph.length > 0);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
