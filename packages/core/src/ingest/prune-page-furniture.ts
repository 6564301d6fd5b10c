import { isInlineElement } from "./inline-element.js";
import { countWords } from "./text-shape.js";

/** The DOM element type linkedom gives (the global `Element` is not in this package's lib). */
type Node = {
  tagName: string;
  textContent: string | null;
  parentElement: Node | null;
  children: ArrayLike<Node>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<Node> & { length: number };
  remove(): void;
};

/** Elements that hold page furniture by what they are: pictures, their captions, forms, menus. */
const FURNITURE_TAGS = "figcaption, picture, nav, aside, footer, form, button, select, svg";
/**
 * Words of a class or id that name furniture: captions and credits, bylines and bios, breadcrumbs,
 * share bars, teasers of other stories, newsletter and ad slots, tag lists.
 */
const FURNITURE_NAME =
  /^(?:caption|captions|credit|credits|byline|bylines|author|authors|bio|breadcrumb|breadcrumbs|share|sharing|social|related|recirc|trending|popular|promo|promos|newsletter|subscribe|signup|advert|advertisement|ad|ads|sponsor|sponsored|tags|toolbar|slideshow|gallery|timestamp|outbrain|taboola|comments)$/;
/** A class that says a box lacks or holds a thing ("no_caption", "has-byline") is not that thing. */
const MODIFIER = /^(?:no|not|has|with|without)$/;
/** Blocks that a link-dense one may be: lists, tables, and the boxes that hold them. */
const LINK_BLOCKS = "ul, ol, dl, table, div, section, p";
/** A box holding more of the article's words than this share is the article, whatever its name. */
const ARTICLE_SHARE = 0.3;
/** A link-dense block holding more than this share is the article: a list of links is its story. */
const LINKED_ARTICLE_SHARE = 0.5;

/**
 * Removes from an extracted article what is the page's rather than the story's: pictures and
 * their captions, menus, forms, boxes whose class or id names furniture (captions, credits, bylines,
 * breadcrumbs, share bars, related stories, newsletter and ad slots), and link-dense blocks
 * (teaser lists, footer link blocks: most of their words are links). A box holding a large share
 * of the article's words is never removed, whatever it is called.
 */
export function prunePageFurniture(root: Node): void {
  const total = Math.max(1, countWords(root.textContent ?? ""));
  const share = (node: Node) => countWords(node.textContent ?? "") / total;
  const isArticle = (node: Node) => share(node) > ARTICLE_SHARE;
  for (const node of [...root.querySelectorAll(FURNITURE_TAGS)]) {
    if (!isArticle(node)) node.remove();
  }
  for (const node of [...root.querySelectorAll("figure")]) {
    if (node.querySelectorAll("p").length === 0 || !isArticle(node)) node.remove();
  }
  for (const node of [...root.querySelectorAll("[class], [id]")]) {
    // A name on an inline element is the phrase's ("CAIRO —" in a dateline), not a box's.
    if (!node.parentElement || isInlineElement(node.tagName) || isArticle(node)) continue;
    if (namesFurniture(`${node.getAttribute("class") ?? ""} ${node.getAttribute("id") ?? ""}`))
      node.remove();
  }
  for (const node of [...root.querySelectorAll(LINK_BLOCKS)]) {
    if (node.parentElement && share(node) <= LINKED_ARTICLE_SHARE && isLinkDense(node))
      node.remove();
  }
}

/** One of the class names or the id names furniture by one of its words. */
function namesFurniture(names: string): boolean {
  return names
    .toLowerCase()
    .split(/\s+/)
    .some((name) => {
      const words = name.split(/[^a-z]+/);
      return words.some((w) => FURNITURE_NAME.test(w)) && !words.some((w) => MODIFIER.test(w));
    });
}

/**
 * Most of a block's words are links: a teaser list, a menu, a footer's links. A paragraph that is
 * one link is a teaser too; a sentence with a link in it is not.
 */
function isLinkDense(node: Node): boolean {
  const words = countWords(node.textContent ?? "");
  if (words === 0) return false;
  let linked = 0;
  for (const link of node.querySelectorAll("a")) linked += countWords(link.textContent ?? "");
  const share = linked / words;
  if (node.tagName === "P") return share > 0.8 && words < 25;
  return share > 0.5;
}
