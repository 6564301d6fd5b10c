import { createHash } from "node:crypto";
import { isCalendarDate } from "../dates/is-calendar-date.js";
import type { Article } from "../model/article.js";
import type { ArticleDraft, DateCandidate } from "./article-draft.js";
import { type LanguageDetector, languageSample } from "./detect-language.js";
import { estimatePublished } from "./estimate-published.js";
import { lineKey } from "./text-shape.js";

/**
 * The stable id of an article: the first 16 hex digits of the SHA-256 of its normalised title and
 * text, so the same story read from any file or format gets the same id.
 */
export function articleId(title: string, paragraphs: readonly string[]): string {
  const normalised = [title, ...paragraphs].map(lineKey).join("\n");
  return createHash("sha256").update(normalised).digest("hex").slice(0, 16);
}

/**
 * Settles a cleaned draft (`cleanDraft`) into an {@link Article}: a title from its lead when
 * it has none, id, language, publication date, origin.
 */
export function buildArticle(draft: ArticleDraft, detectLanguage: LanguageDetector): Article {
  if (draft.complete) {
    const known = draft.complete.origins.some((origin) => origin.path === draft.origin.path);
    return known
      ? draft.complete
      : { ...draft.complete, origins: [...draft.complete.origins, draft.origin] };
  }
  const paragraphs = draft.paragraphs;
  const title = draft.title || titleFromLead(paragraphs);
  const article: Article = {
    id: articleId(title, paragraphs),
    title,
    paragraphs,
    // The sample loadCorpus checked when it decided whether the language model is needed.
    language: detectLanguage(languageSample(draft.title, draft.paragraphs), draft.language),
    published: estimatePublished(withUrlDate(draft), [title, ...paragraphs].join("\n\n")),
    origins: [draft.origin],
  };
  if (draft.url) article.url = draft.url;
  if (draft.publisher) article.publisher = draft.publisher;
  if (draft.byline) article.byline = draft.byline;
  return article;
}

/**
 * A day written in a page's address ("/2018/04/17/", "-2018-04-17"): how most news sites file a
 * story by the day it was published.
 */
const URL_DAY =
  /(?:^|[/_-])((?:19|20)\d\d)(?:\/|-)(0[1-9]|1[0-2])(?:\/|-)(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

/** The draft's dates, and after what the source states, the day its address is filed under. */
function withUrlDate(draft: ArticleDraft): DateCandidate[] {
  const path = draft.url?.replace(/^[a-z]+:\/\/[^/]+/i, "").split(/[?#]/)[0] ?? "";
  const match = URL_DAY.exec(path);
  if (!match || !draft.url) return draft.dates;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  if (!isCalendarDate(day)) return draft.dates;
  return [...draft.dates, { text: draft.url, rule: "url-path", date: day }];
}

/** Words a headline made from a lead keeps. */
const HEADLINE_WORDS = 12;

/**
 * A title for an article that has none: its lead's first sentence, cut to a headline's length at
 * a word, with an ellipsis when cut.
 */
export function titleFromLead(paragraphs: readonly string[]): string {
  const lead = paragraphs.find((p) => p.trim().length > 0)?.trim() ?? "";
  const sentence = /^.+?[.!?](?=\s+[\p{Lu}"“‘(]|\s*$)/su.exec(lead)?.[0] ?? lead;
  const words = sentence
    .replace(/[.!?]$/, "")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length <= HEADLINE_WORDS) return words.join(" ");
  return `${words
    .slice(0, HEADLINE_WORDS)
    .join(" ")
    .replace(/[,;:–—-]$/, "")}…`;
}
