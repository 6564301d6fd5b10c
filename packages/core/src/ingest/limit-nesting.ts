/**
 * Deeper than this, a page's elements are unwrapped: of 225 real pages (the extraction benchmark
 * and Readability's test pages), the deepest nests 49 elements that must be closed.
 */
export const MAX_NESTING = 100;

/** Comments, raw-text elements (whose content holds no tags) and tags, in document order. */
const TOKENS =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|xmp|plaintext)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/gi;
/** Elements that never hold others, and ones whose end tag the parser implies (a `<p>` or `<li>`). */
const UNNESTED =
  /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|th|option|optgroup|rp|rt|thead|tbody|tfoot|colgroup|caption|html|head|body)$/i;

/** An HTML text whose elements nest no deeper than a limit, and how deep the original went. */
export interface LimitedNesting {
  html: string;
  /** The deepest nesting found, counting only elements that must be closed. */
  depth: number;
}

/**
 * Unwraps the elements of a page nested deeper than `maxDepth`: their tags are left out and
 * their text and paragraphs kept, so an HTML tree builder and Readability read a tree of bounded
 * depth. A page nested 100,000 levels deep otherwise takes minutes and overflows the stack. One
 * pass over the text; pages within the limit come back unchanged.
 */
export function limitNesting(html: string, maxDepth = MAX_NESTING): LimitedNesting {
  let depth = 0;
  let deepest = 0;
  const cuts: [number, number][] = [];
  for (const match of html.matchAll(TOKENS)) {
    const name = match[3];
    if (!name || UNNESTED.test(name)) continue;
    const closing = match[2] === "/";
    if (!closing && match[4] === "/") continue;
    if (closing) {
      if (depth > maxDepth) cuts.push([match.index, match.index + match[0].length]);
      if (depth > 0) depth--;
    } else {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > maxDepth) cuts.push([match.index, match.index + match[0].length]);
    }
  }
  if (cuts.length === 0) return { html, depth: deepest };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return { html: parts.join(""), depth: deepest };
}
