import { type Article, startOfLocalDay, toLocalDay } from "@briefing/core";

/** Options for {@link selectArticles}. */
export interface SelectArticlesOptions {
  /** Articles an earlier run of the digest covered. */
  covered: ReadonlySet<string>;
  /** The digest's first period start: older articles are history, not news. */
  origin: Date;
  /** The end of the period being built. */
  end: Date;
  /** The digest's time zone: an article dated to a day arrives when that day begins there. */
  timezone: string;
  /** When stored articles were first seen: an undated one arrives then. */
  firstSeen?: ReadonlyMap<string, string>;
}

/**
 * The articles a new digest period covers: every one not covered before that arrived before the
 * period's end and not before the digest's origin. An article arrives when the first day of its
 * publication estimate begins in the digest's time zone; an undated one, when it was first seen
 * (fetched into the store; an undated file of the corpus is news until covered).
 * Periods chain (each starts where the last ended), and covered articles are never taken again,
 * so no article is skipped or repeated across digests, even one added to the corpus late.
 */
export function selectArticles(
  articles: readonly Article[],
  options: SelectArticlesOptions,
): Article[] {
  // The origin's whole day counts: a day-dated article cannot be placed before or after a time.
  const from = startOfLocalDay(
    toLocalDay(options.origin, options.timezone),
    options.timezone,
  ).getTime();
  return articles.filter((article) => {
    if (options.covered.has(article.id)) return false;
    const day = article.published.start;
    const seen = options.firstSeen?.get(article.id);
    if (day === null && seen === undefined) return true;
    const arrival =
      day === null ? Date.parse(seen as string) : startOfLocalDay(day, options.timezone).getTime();
    return arrival < options.end.getTime() && arrival >= from;
  });
}
