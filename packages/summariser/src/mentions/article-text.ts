import type { Article } from "@briefing/core";

/** An article's text as one string, with where each paragraph starts in it. */
export interface ArticleText {
  text: string;
  /** Character offset of each paragraph in `text`. */
  offsets: number[];
}

const SEPARATOR = "\n\n";

/**
 * Joins an article's paragraphs with blank lines: the text that mention spans point into.
 *
 * @example articleText(article).text.slice(mention.span[0], mention.span[1]) === mention.text
 */
export function articleText(article: Pick<Article, "paragraphs">): ArticleText {
  const offsets: number[] = [];
  let position = 0;
  for (const paragraph of article.paragraphs) {
    offsets.push(position);
    position += paragraph.length + SEPARATOR.length;
  }
  return { text: article.paragraphs.join(SEPARATOR), offsets };
}
