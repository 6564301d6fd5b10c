import type { Article } from "@briefing/core";
import { detectFormat, readDocuments } from "@briefing/core/ingest";
import type { Config, Source } from "../config/digest-config.js";
import { bodyWords } from "../state/article-identity.js";
import type { ArticleStore, StoreOutcome } from "../state/digest-store.js";
import { type FetchDocumentOptions, fetchDocument } from "./fetch-document.js";
import { HostLimiter } from "./host-limiter.js";

/** What fetching one source came to, for the log and the command's summary. */
export type FetchEvent =
  | {
      kind: "fetched";
      source: string;
      /** A new document, or the server's 304. */
      answer: "document" | "not-modified";
      counts: Record<StoreOutcome, number>;
    }
  | { kind: "fetch-failed"; source: string; reason: string }
  | { kind: "fetch-skipped"; source: string; next: string }
  | { kind: "fetch-warning"; source: string; where: string; message: string };

/** Options of {@link fetchSources}. */
export interface FetchSourcesOptions {
  store: ArticleStore;
  fetch: Config["fetch"];
  /** The time the fetch is recorded at: new articles are first seen then. */
  now: Date;
  log: (event: FetchEvent) => void;
  /** Fetch every source, even one fetched less than `fetch.intervalMinutes` ago. */
  force?: boolean;
}

/** A source due for a fetch, with what the store knows of it (its validators, its kind). */
type DueSource = { source: Source; known: Awaited<ReturnType<ArticleStore["source"]>> };

/**
 * The sources due for a fetch (none fetched within `fetch.intervalMinutes`, or every one when
 * forced), each with what the store knows of it, and for each of the others when it is due next.
 */
export async function dueSources(
  sources: readonly Source[],
  options: Pick<FetchSourcesOptions, "store" | "fetch" | "now" | "force">,
): Promise<{ due: DueSource[]; skipped: Extract<FetchEvent, { kind: "fetch-skipped" }>[] }> {
  const intervalMs = options.fetch.intervalMinutes * 60_000;
  const known = await Promise.all(sources.map((s) => options.store.source(s.url)));
  const due: DueSource[] = [];
  const skipped: Extract<FetchEvent, { kind: "fetch-skipped" }>[] = [];
  sources.forEach((source, i) => {
    const last = options.force ? undefined : known[i]?.lastAttemptAt;
    const next = last ? new Date(Date.parse(last) + intervalMs) : undefined;
    if (next && next.getTime() > options.now.getTime())
      skipped.push({ kind: "fetch-skipped", source: source.url, next: next.toISOString() });
    else due.push({ source, known: known[i] });
  });
  return { due, skipped };
}

/** A feed item shorter than this is taken for a summary: its page is fetched and read. */
const SUMMARY_WORDS = 120;
const FEED_FORMATS = new Set(["feed", "rss", "rdf", "atom", "json-feed"]);

/** The User-Agent a fetch announces: the tool, and who to contact about it. */
export function userAgentOf(contact: string | undefined): string {
  return `Briefing/0.1 (news digests${contact ? `; +${contact}` : ""})`;
}

/**
 * Fetches the sources that are due (none fetched within `fetch.intervalMinutes`), at most
 * `fetch.perHost` requests at a time to one host, and stores what they hold: each feed item an
 * article (its page fetched and read when the item carries only a summary), each page an
 * article. A source's failure is its own: recorded with its reason, tried again next time; the
 * others go on. Resolves when every source is done; never throws for a source.
 */
export async function fetchSources(
  sources: readonly Source[],
  options: FetchSourcesOptions,
): Promise<FetchEvent[]> {
  const events: FetchEvent[] = [];
  const log = (event: FetchEvent) => {
    events.push(event);
    options.log(event);
  };
  const limiter = new HostLimiter(options.fetch.perHost);
  const at = options.now.toISOString();
  const request: FetchDocumentOptions = {
    userAgent: userAgentOf(options.fetch.contact),
    timeoutMs: options.fetch.timeoutMs,
    maxBytes: options.fetch.maxBytes,
    maxRedirects: options.fetch.maxRedirects,
  };
  const { due, skipped } = await dueSources(sources, options);
  for (const event of skipped) log(event);
  await Promise.all(
    due.map(async ({ source, known }) => {
      const fail = async (reason: string) => {
        await options.store.recordFailure(source.url, at, reason);
        log({ kind: "fetch-failed", source: source.url, reason });
      };
      const answer = await limiter.run(source.url, () =>
        fetchDocument(source.url, {
          ...request,
          ...(known?.etag ? { etag: known.etag } : {}),
          ...(known?.lastModified ? { lastModified: known.lastModified } : {}),
        }),
      );
      if (answer.kind === "failed") return fail(answer.reason);
      if (answer.kind === "not-modified") {
        await options.store.recordSuccess(source.url, at, {});
        log(fetched(source.url, "not-modified"));
        return;
      }
      const kind = FEED_FORMATS.has(detectFormat(answer.url, answer.text)) ? "feed" : "page";
      if (known?.kind === "feed" && kind === "page")
        return fail(
          `expected a feed, as on earlier fetches, found ${answer.contentType || "a page"}`,
        );
      const read = await readDocuments([{ path: answer.url, text: answer.text }]);
      const errors = read.problems.filter((p) => p.severity === "error");
      if (read.articles.length === 0 && errors.length > 0)
        return fail(errors.map((p) => p.message).join("; "));
      for (const p of read.problems)
        log({ kind: "fetch-warning", source: source.url, where: p.path, message: p.message });
      // Pages that could not be read, by reason: one line per reason, not one per item.
      const unread = new Map<string, string[]>();
      const articles =
        kind === "feed"
          ? await Promise.all(
              read.articles.map((item) =>
                withPage(absolute(item, answer.url), { ...options, limiter, request, unread }),
              ),
            )
          : read.articles.map((a) => (a.url ? a : { ...a, url: answer.url }));
      for (const [reason, urls] of unread)
        log({
          kind: "fetch-warning",
          source: source.url,
          where: urls[0] as string,
          message: `${urls.length === 1 ? "the item's page" : `the pages of ${urls.length} items (this one first)`} could not be read (${reason}); ${urls.length === 1 ? "its summary is" : "their summaries are"} kept`,
        });
      const event = fetched(source.url, "document");
      for (const article of articles) {
        const named =
          source.name && !article.publisher ? { ...article, publisher: source.name } : article;
        event.counts[(await options.store.put(named, source.url, at)).outcome]++;
      }
      await options.store.recordSuccess(source.url, at, { kind, validators: answer.validators });
      log(event);
    }),
  );
  return events;
}

function fetched(
  source: string,
  answer: "document" | "not-modified",
): Extract<FetchEvent, { kind: "fetched" }> {
  return { kind: "fetched", source, answer, counts: { new: 0, updated: 0, unchanged: 0 } };
}

/**
 * A feed item as stored: as it is when it carries its text, else its page read by the HTML path
 * (the item's address, title and date kept where the page lacks them). A page already stored is
 * not fetched again; a page that cannot be read leaves the item as it is, with a warning.
 */
async function withPage(
  item: Article,
  context: FetchSourcesOptions & {
    limiter: HostLimiter;
    request: FetchDocumentOptions;
    unread: Map<string, string[]>;
  },
): Promise<Article> {
  if (bodyWords(item) >= SUMMARY_WORDS || !item.url || (await context.store.hasUrl(item.url)))
    return item;
  const url = item.url;
  const unread = (reason: string) => {
    const urls = context.unread.get(reason) ?? [];
    urls.push(url);
    context.unread.set(reason, urls);
    return item;
  };
  const answer = await context.limiter.run(url, () => fetchDocument(url, context.request));
  if (answer.kind === "failed") return unread(answer.reason);
  if (answer.kind === "not-modified") return unread("not modified");
  const read = await readDocuments([{ path: url, text: answer.text }]);
  const page = read.articles
    .filter((a) => a.origins.some((o) => o.format === "html"))
    .sort((a, b) => b.paragraphs.join(" ").length - a.paragraphs.join(" ").length)[0];
  if (!page || page.paragraphs.join(" ").length <= item.paragraphs.join(" ").length)
    return unread("no more text than the summary");
  return {
    ...page,
    url,
    title: page.title || item.title,
    ...(page.publisher || item.publisher ? { publisher: page.publisher ?? item.publisher } : {}),
    published: page.published.start ? page.published : item.published,
  };
}

/** An item whose link is relative ("/notes/x.html") made absolute against its feed's address. */
function absolute(item: Article, feed: string): Article {
  if (!item.url) return item;
  try {
    const url = new URL(item.url, feed).toString();
    return url === item.url ? item : { ...item, url };
  } catch {
    return item;
  }
}
