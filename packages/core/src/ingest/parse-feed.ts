import type { Origin, SourceFormat } from "../model/article.js";
import type { ArticleDraft, DateCandidate } from "./article-draft.js";
import { CorpusError } from "./errors.js";
import { htmlToParagraphs, htmlToText } from "./html-text.js";
import { loadOnFirstUse } from "./load-on-first-use.js";

const feedsmith = loadOnFirstUse<typeof import("feedsmith")>("feedsmith");

type Json = Record<string, unknown>;

const FORMATS: Record<string, SourceFormat> = {
  rss: "rss",
  atom: "atom",
  rdf: "rdf",
  json: "json-feed",
};

/** The items of a feed, one draft article each, and the feed's flavour. */
export interface ParsedFeed {
  format: SourceFormat;
  drafts: ArticleDraft[];
  /** Items with neither title nor text, by position. */
  empty: number[];
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document with feedsmith: one draft per item,
 * with its title, link, author, date and text (full content when present, else the summary).
 * Item origins are `path#n`, counted from 1.
 */
export function parseFeed(text: string, path: string): ParsedFeed {
  let parsed: { format: string; feed: unknown };
  try {
    parsed = feedsmith().parseFeed(text) as { format: string; feed: unknown };
  } catch (error) {
    throw new CorpusError(path, `expected an RSS, Atom, RDF or JSON feed; ${describe(error)}`, {
      cause: error,
    });
  }
  const format = FORMATS[parsed.format] ?? "rss";
  const feed = (parsed.feed ?? {}) as Json;
  const items = (format === "atom" ? feed.entries : feed.items) as Json[] | undefined;
  const publisher = textOf(feed.title) ?? first(dc(feed, "titles"));
  const language = str(feed.language) ?? first(dc(feed, "languages"));
  const drafts: ArticleDraft[] = [];
  const empty: number[] = [];
  (items ?? []).forEach((item, index) => {
    const origin: Origin = { path: `${path}#${index + 1}`, format };
    const draft = itemToDraft(item, origin);
    if (draft.title.length === 0 && draft.paragraphs.length === 0) {
      empty.push(index + 1);
      return;
    }
    if (publisher && !draft.publisher) draft.publisher = publisher;
    if (language && !draft.language) draft.language = language;
    drafts.push(draft);
  });
  return { format, drafts, empty };
}

function itemToDraft(item: Json, origin: Origin): ArticleDraft {
  const body =
    str((item.content as Json | undefined)?.encoded) ??
    str(item.content_html) ??
    textOf(item.content) ??
    str(item.description) ??
    textOf(item.summary) ??
    str(item.content_text) ??
    "";
  const draft: ArticleDraft = {
    title: htmlToText(textOf(item.title) ?? first(dc(item, "titles")) ?? ""),
    paragraphs: body ? htmlToParagraphs(body) : [],
    dates: itemDates(item),
    origin,
  };
  const url = str(item.link) ?? str(item.url) ?? atomLink(item.links) ?? guidLink(item.guid);
  if (url) draft.url = url;
  const author = authorOf(item);
  if (author) draft.byline = author;
  const language = str(item.language) ?? first(dc(item, "languages"));
  if (language) draft.language = language;
  return draft;
}

function itemDates(item: Json): DateCandidate[] {
  const dates: DateCandidate[] = [];
  const add = (value: unknown, rule: string): void => {
    const text = str(value);
    if (text) dates.push({ text, rule });
  };
  add(item.pubDate, "feed:pubDate");
  add(item.published, "feed:published");
  add(item.date_published, "feed:date_published");
  add(first(dc(item, "dates")), "feed:dc:date");
  add(first((item.dcterms as Json | undefined)?.issued), "feed:dcterms:issued");
  add(item.updated, "feed:updated");
  add(item.date_modified, "feed:date_modified");
  return dates;
}

function authorOf(item: Json): string | undefined {
  const authors = (item.authors as unknown[] | undefined) ?? [];
  const names = authors
    .map((author) => (typeof author === "string" ? author : str((author as Json)?.name)))
    .filter((name): name is string => Boolean(name));
  if (names.length > 0) return names.join(", ");
  return str(item.author) ?? first(dc(item, "creators"));
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const alternate = links.find((link: Json) => !link.rel || link.rel === "alternate") as
    | Json
    | undefined;
  return str(alternate?.href);
}

function guidLink(guid: unknown): string | undefined {
  const value = typeof guid === "string" ? guid : str((guid as Json | undefined)?.value);
  return value && /^https?:\/\//.test(value) ? value : undefined;
}

function dc(node: Json, key: string): unknown {
  return (node.dc as Json | undefined)?.[key];
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (value && typeof value === "object") return str((value as Json).value);
  return undefined;
}

function first(value: unknown): string | undefined {
  return Array.isArray(value) ? str(value[0]) : str(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /unrecognized|detect/i.test(message)
    ? "found no feed it could recognise"
    : `the parser failed: ${message}`;
}
