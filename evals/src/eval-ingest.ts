// pnpm eval:ingest [--json]: measures HTML extraction and feed parsing on ../shared/data.
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus } from "@briefing/core/ingest";
import { parseHTML } from "linkedom";
import { alignedTable } from "./aligned-table.js";
import { furnitureShares } from "./furniture-share.js";
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

interface BenchmarkScore {
  name: string;
  f1: number;
  precision: number;
  recall: number;
}

/**
 * The article-extraction benchmark: every page read by loadCorpus as a user's file would be, its
 * body (the article's paragraphs) scored by the benchmark's own evaluate.py beside the peers'
 * stored outputs, in a scratch folder that links the data instead of copying it.
 */
async function evalBenchmark(root: string): Promise<BenchmarkScore[] | null> {
  const python = spawnSync("python3", ["--version"]);
  if (python.status !== 0) {
    console.log("skipped the extraction benchmark: python3 (for its evaluate.py) is absent");
    return null;
  }
  const truth = JSON.parse(readFileSync(join(root, "ground-truth.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const output: Record<string, { articleBody: string }> = {};
  for (const key of Object.keys(truth)) {
    const { articles } = await loadCorpus(join(root, "html", `${key}.html`), {
      duplicates: { fold: false },
    });
    output[key] = { articleBody: articles[0]?.paragraphs.join("\n") ?? "" };
  }
  const scratch = mkdtempSync(join(tmpdir(), "briefing-benchmark-"));
  try {
    mkdirSync(join(scratch, "output"));
    for (const file of ["evaluate.py", "ground-truth.json"])
      symlinkSync(join(root, file), join(scratch, file));
    for (const file of readdirSync(join(root, "output")))
      symlinkSync(join(root, "output", file), join(scratch, "output", file));
    writeFileSync(join(scratch, "output", "briefing.json"), JSON.stringify(output));
    const run = spawnSync(
      "python3",
      ["evaluate.py", "--n-bootstrap", "100", "--output", "metrics.json"],
      { cwd: scratch, encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`evaluate.py failed: ${run.stderr.trim()}`);
    const metrics = JSON.parse(readFileSync(join(scratch, "metrics.json"), "utf8")) as Record<
      string,
      { f1: number; precision: number; recall: number }
    >;
    return Object.entries(metrics)
      .map(([name, m]) => ({ name, f1: m.f1, precision: m.precision, recall: m.recall }))
      .sort((a, b) => b.f1 - a.f1 || a.name.localeCompare(b.name));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Rows under a header: the first column left-aligned, the others right-aligned, two-space indent. */
function printTable(header: string[], rows: string[][]): void {
  for (const line of alignedTable([header, ...rows], (i) => i === 0)) console.log(`  ${line}`);
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
  const benchmarkRoot = dataSet(
    "corpora/html-article-extraction-benchmark",
    "the article-extraction benchmark",
  );
  const benchmark = benchmarkRoot ? await evalBenchmark(benchmarkRoot) : null;
  if (benchmark) {
    report.benchmark = benchmark;
    if (!json) {
      console.log("Article-extraction benchmark (181 pages, its evaluate.py):");
      printTable(
        ["extractor", "F1", "prec.", "recall"],
        benchmark.map((r) => [
          r.name,
          r.f1.toFixed(3),
          r.precision.toFixed(3),
          r.recall.toFixed(3),
        ]),
      );
    }
  }
  const bpoil = dataSet("tls/t17/bpoil", "bpoil's furniture");
  if (bpoil) {
    const shares = await furnitureShares(bpoil);
    report.furniture = shares;
    if (!json) {
      console.log("bpoil sentences: furniture by count (one outlet, 3+ days) and treebank marks:");
      printTable(
        ["reading", "sentences", "repeated", "PTB"],
        shares.map((r) => [
          r.reading,
          String(r.sentences),
          percent(r.repeated, r.sentences),
          percent(r.tokenised, r.sentences),
        ]),
      );
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
