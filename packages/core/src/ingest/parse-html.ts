import { Readability } from "@mozilla/readability";
import type { Origin } from "../model/article.js";
import type { ArticleDraft, DateCandidate } from "./article-draft.js";
import { htmlToParagraphs, htmlToText, linkedom } from "./html-text.js";
import { limitNesting } from "./limit-nesting.js";
import { hasAtMostWords, lineKey } from "./text-shape.js";

// Fewer words than this is a page without an article (a listing, an error page).
const MIN_WORDS = 15;

const DATE_META = [
  "article:published_time",
  "article:published",
  "og:published_time",
  "datePublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "dc.date",
  "dc.date.issued",
  "dcterms.created",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
];

/**
 * Reads an article from a saved web page with Mozilla Readability over linkedom: title, byline,
 * site name, language and body paragraphs, plus publication dates from meta tags, JSON-LD and
 * `<time>` elements. Returns `null` when the page holds no readable article.
 */
export function parseHtml(html: string, origin: Origin): ArticleDraft | null {
  // Bounded depth first: a tree builder and Readability slow down with depth far beyond linearly.
  const { document } = linkedom().parseHTML(limitNesting(html).html);
  const dates = collectDates(document);
  const language = document.documentElement?.getAttribute("lang")?.trim() || undefined;
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    metaContent(document, "og:url");
  // Readability changes the document it reads, so metadata is read first.
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    // Classes kept: they tell captions, bylines and share bars apart from the story.
    { charThreshold: 200, keepClasses: true },
  ).parse();
  if (!article?.content) return null;
  // The headline printed again above the story is the title's, not the body's.
  const title = htmlToText(article.title ?? "");
  const paragraphs = htmlToParagraphs(article.content).filter(
    (paragraph) => lineKey(paragraph) !== lineKey(title),
  );
  if (hasAtMostWords(paragraphs.join(" "), MIN_WORDS - 1)) return null;
  if (article.publishedTime) {
    dates.push({ text: article.publishedTime, rule: "readability:publishedTime" });
  }
  const draft: ArticleDraft = {
    title,
    paragraphs,
    dates: dedupeDates(dates),
    origin,
  };
  if (article.byline) draft.byline = htmlToText(article.byline);
  if (article.siteName) draft.publisher = htmlToText(article.siteName);
  const lang = article.lang || language;
  if (lang) draft.language = lang;
  if (canonical && /^https?:\/\//.test(canonical)) draft.url = canonical;
  return draft;
}

type Doc = ReturnType<typeof import("linkedom")["parseHTML"]>["document"];

/** A meta tag's content, by its property, name or itemprop (which may list several names). */
function metaContent(document: Doc, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const meta of document.querySelectorAll("meta")) {
    const keys = ["property", "name", "itemprop"].flatMap((attribute) =>
      (meta.getAttribute(attribute) ?? "").toLowerCase().split(/\s+/),
    );
    if (keys.includes(wanted)) {
      const content = meta.getAttribute("content")?.trim();
      if (content) return content;
    }
  }
  return undefined;
}

// Structured data first: JSON-LD names the publication date explicitly, where meta tags are
// sometimes rewritten on update.
function collectDates(document: Doc): DateCandidate[] {
  const dates: DateCandidate[] = [];
  const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => jsonLdDates(script.textContent ?? ""),
  );
  // Article-like nodes of every block before any other node's date (a video's, say).
  const values = [...blocks.flatMap((b) => b.articles), ...blocks.flatMap((b) => b.others)];
  for (const value of values) dates.push({ text: value, rule: "json-ld:datePublished" });
  for (const name of DATE_META) {
    const content = metaContent(document, name);
    if (content) dates.push({ text: content, rule: `meta:${name}` });
  }
  const time = document.querySelector("article time[datetime], time[pubdate], time[datetime]");
  const datetime = time?.getAttribute("datetime")?.trim();
  if (datetime) dates.push({ text: datetime, rule: "html:time" });
  return dates;
}

/** `datePublished` values of a JSON-LD block: those of article-like nodes, and the others. */
function jsonLdDates(json: string): { articles: string[]; others: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\s*(\/\/\s*)?<!\[CDATA\[|(\/\/\s*)?\]\]>\s*$/g, ""));
  } catch {
    return { articles: [], others: [] };
  }
  const articles: string[] = [];
  const others: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 4 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.datePublished === "string") {
      const type = JSON.stringify(record["@type"] ?? "");
      (/Article|Posting|Report/.test(type) ? articles : others).push(record.datePublished);
    }
    if (record["@graph"]) visit(record["@graph"], depth + 1);
  };
  visit(data, 0);
  return { articles, others };
}

function dedupeDates(dates: DateCandidate[]): DateCandidate[] {
  const seen = new Set<string>();
  return dates.filter((date) => {
    if (seen.has(date.text)) return false;
    seen.add(date.text);
    return true;
  });
}
