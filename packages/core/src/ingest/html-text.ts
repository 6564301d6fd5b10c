import { isInlineElement } from "./inline-element.js";
import { limitNesting } from "./limit-nesting.js";
import { loadOnFirstUse } from "./load-on-first-use.js";
import { prunePageFurniture } from "./prune-page-furniture.js";
import { collapseWhitespace, endsLikeSentence, hasAtMostWords } from "./text-shape.js";

/** linkedom, loaded when the first HTML is read. */
export const linkedom = loadOnFirstUse<typeof import("linkedom")>("linkedom");

const BLOCKS = "p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, td, dd, figcaption";
/** Fewer words than this, in bare text outside any block, is a label unless it ends a sentence. */
const LOOSE_MIN_WORDS = 5;

/** The slice of linkedom's DOM the paragraph walk reads. */
type DomNode = {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  matches?(selector: string): boolean;
  querySelector?(selector: string): DomNode | null;
};

/**
 * The paragraphs of an HTML fragment, in document order: the text of each block element that
 * holds no other block, and each run of text that lies outside any block (bare text in a `<div>`
 * or `<section>`, ended by a block, a `<br>` or a blank line), with white space collapsed. A fragment without
 * any element is split at its blank lines. The page's furniture (captions, menus, link lists,
 * share bars: prunePageFurniture) is left out.
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
  if (body.querySelector("*") === null) return splitPlain(body.textContent ?? "");
  const paragraphs: string[] = [];
  let line = "";
  // A run of bare text is a paragraph when it reads as prose: a few words or a sentence, not a
  // button's label ("Sign In") or an address printed on its own.
  const endLine = (block = false) => {
    const text = collapseWhitespace(line);
    line = "";
    if (text.length === 0) return;
    if (
      block ||
      (!hasAtMostWords(text, LOOSE_MIN_WORDS - 1) && !/^\S+$/.test(text)) ||
      endsLikeSentence(text)
    )
      paragraphs.push(text);
  };
  // Children are pushed in reverse so that they pop in document order; `null` ends a block.
  const stack: (DomNode | null)[] = [
    ...Array.from((body as unknown as DomNode).childNodes),
  ].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      endLine();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) {
      // A blank line in bare text (a feed's plain text with a link in it) ends a paragraph too.
      const [first = "", ...rest] = (node.textContent ?? "").split(/\n\s*\n/);
      line += first;
      for (const part of rest) {
        endLine();
        line = part;
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.tagName ?? "";
    if (tag === "BR") {
      endLine();
      continue;
    }
    // Any element but an inline one ends the line before it.
    if (isInlineElement(tag)) {
      stack.push(...Array.from(node.childNodes).reverse());
      continue;
    }
    endLine();
    if (node.matches?.(BLOCKS) && node.querySelector?.(BLOCKS) === null) {
      line = node.textContent ?? "";
      endLine(true);
      continue;
    }
    stack.push(null, ...Array.from(node.childNodes).reverse());
  }
  endLine();
  return paragraphs;
}

/** Plain text of an HTML snippet (a feed title with entities, say), white space collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const { document } = linkedom().parseHTML(
    `<!doctype html><html><body>${limitNesting(html).html}</body></html>`,
  );
  return collapseWhitespace(document.body.textContent ?? "");
}

function splitPlain(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph.length > 0);
}
