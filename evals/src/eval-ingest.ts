// pnpm eval:ingest [--json]: measures HTML extraction and feed parsing on ../shared/data.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "@briefing/core/ingest";
import { parseHTML } from "linkedom";
import { dataSet, median, tokenF1 } from "./shared-data.js";

interface PageResult {
  page: string;
  titleMatch: boolean;
  dateExpected: boolean;
  dateMatch: boolean;
  bodyF1: number;
}

async function evalHtml(root: string): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of readdirSync(root).sort()) {
    const dir = join(root, page);
    let metadata: { title?: string; publishedTime?: string | null };
    try {
      metadata = JSON.parse(readFileSync(join(dir, "expected-metadata.json"), "utf8"));
    } catch {
      continue;
    }
    const { articles } = await loadCorpus(join(dir, "source.html"), {
      duplicates: { fold: false },
    });
    const article = articles[0];
    const expectedBody = textOfHtml(readFileSync(join(dir, "expected.html"), "utf8"));
    const expectedDate = metadata.publishedTime ? metadata.publishedTime.slice(0, 10) : null;
    results.push({
      page,
      titleMatch: normalise(article?.title ?? "") === normalise(metadata.title ?? ""),
      dateExpected: expectedDate !== null,
      dateMatch: expectedDate !== null && article?.published.start === expectedDate,
      bodyF1: tokenF1(article?.paragraphs.join(" ") ?? "", expectedBody),
    });
  }
  return results;
}

interface FeedResult {
  feed: string;
  expected: number;
  parsed: number;
}

async function evalFeeds(files: { path: string; expected: number }[]): Promise<FeedResult[]> {
  const results: FeedResult[] = [];
  for (const { path, expected } of files) {
    const { articles, problems } = await loadCorpus(path, { duplicates: { fold: false } });
    const passedOver = problems
      .filter((p) => p.message.startsWith("feed items with neither"))
      .reduce((sum, p) => sum + (p.message.match(/#\d+/g)?.length ?? 0), 0);
    results.push({
      feed: path.split("/").slice(-2).join("/"),
      expected,
      parsed: articles.length + passedOver,
    });
  }
  return results;
}

/** rss-parser's expected parses give the item counts; feeds without one are counted from the raw file. */
function feedFiles(): { path: string; expected: number }[] {
  const files: { path: string; expected: number }[] = [];
  const rssParser = dataSet("corpora/feeds-rss-parser", "rss-parser feeds");
  if (rssParser) {
    for (const name of readdirSync(join(rssParser, "input")).sort()) {
      const output = join(rssParser, "output", name.replace(/\.[^.]+$/, ".json"));
      let expected: number | undefined;
      try {
        expected = JSON.parse(readFileSync(output, "utf8")).feed?.items?.length;
      } catch {
        expected = undefined;
      }
      if (expected !== undefined) files.push({ path: join(rssParser, "input", name), expected });
    }
  }
  const netNewsWire = dataSet("corpora/feeds-netnewswire", "NetNewsWire feeds");
  if (netNewsWire) {
    for (const name of readdirSync(netNewsWire).sort()) {
      if (!/\.(rss|atom|xml|json)$/.test(name)) continue;
      const text = readFileSync(join(netNewsWire, name), "utf8");
      files.push({ path: join(netNewsWire, name), expected: countRawItems(name, text) });
    }
  }
  return files;
}

function countRawItems(name: string, text: string): number {
  if (name.endsWith(".json")) {
    try {
      return JSON.parse(text).items?.length ?? 0;
    } catch {
      return 0; // A broken JSON feed has no well-formed item to expect.
    }
  }
  return (text.match(/<(item|entry)[\s>]/g) ?? []).length;
}

function textOfHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body.textContent ?? "";
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const percent = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const report: Record<string, unknown> = {};
  const pagesRoot = dataSet("corpora/html-readability-pages", "HTML extraction");
  if (pagesRoot) {
    const pages = await evalHtml(pagesRoot);
    const dated = pages.filter((p) => p.dateExpected);
    const misses = pages
      .filter((p) => !p.titleMatch || (p.dateExpected && !p.dateMatch) || p.bodyF1 < 0.9)
      .map((p) => ({
        page: p.page,
        title: p.titleMatch,
        date: p.dateExpected ? p.dateMatch : null,
        body_f1: Number(p.bodyF1.toFixed(3)),
      }));
    report.html = {
      pages: pages.length,
      title_exact: pages.filter((p) => p.titleMatch).length / pages.length,
      date_match: dated.filter((p) => p.dateMatch).length / Math.max(1, dated.length),
      pages_with_date: dated.length,
      median_body_f1: median(pages.map((p) => p.bodyF1)),
      misses,
    };
    if (!json) {
      console.log(`HTML pages: ${pages.length}`);
      console.log(
        `  title exact match   ${percent(pages.filter((p) => p.titleMatch).length, pages.length)}`,
      );
      console.log(
        `  published date      ${percent(dated.filter((p) => p.dateMatch).length, dated.length)} of ${dated.length} pages with one`,
      );
      console.log(`  median body F1      ${median(pages.map((p) => p.bodyF1)).toFixed(3)}`);
      for (const miss of misses) console.log(`    miss ${JSON.stringify(miss)}`);
    }
  }
  const feeds = await evalFeeds(feedFiles());
  if (feeds.length > 0) {
    const expected = feeds.reduce((sum, f) => sum + f.expected, 0);
    const parsed = feeds.reduce((sum, f) => sum + Math.min(f.parsed, f.expected), 0);
    report.feeds = {
      files: feeds.length,
      items_expected: expected,
      items_parsed: parsed,
      short: feeds.filter((f) => f.parsed < f.expected),
    };
    if (!json) {
      console.log(
        `Feeds: ${feeds.length} files, items parsed ${parsed} of ${expected} expected (${percent(parsed, expected)})`,
      );
      for (const f of feeds.filter((x) => x.parsed !== x.expected))
        console.log(`    ${f.feed}: ${f.parsed} of ${f.expected}`);
    }
  }
  if (json) console.log(JSON.stringify(report));
}

await main();
