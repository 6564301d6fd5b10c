// pnpm eval:reading [--orders 3] [--json] [NAME...]: reads each shared corpus (Reuters-21578's first two
// files, BBC's 2,225 articles, every bpoil outlet, ECB+) as `brief` reads it, once in its own
// order on one thread and then in shuffled orders on one and two threads, and checks that every
// article's record is the same each time: what an article's reading gives may not depend on what
// the process read before it, nor on the thread that read it. Skips with one line without
// ../shared.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { readArticles } from "@briefing/summariser";
import { dataSet } from "./shared-data.js";

const { values, positionals } = parseArgs({
  options: { orders: { type: "string", default: "3" }, json: { type: "boolean", default: false } },
  allowPositionals: true,
});
/** Only the corpora whose name contains one of these words, when given. */
const wanted = (name: string) =>
  positionals.length === 0 || positionals.some((p) => name.toLowerCase().includes(p.toLowerCase()));
const ORDERS = Math.max(2, Number(values.orders));

/** A seeded shuffle (mulberry32), so a run can be repeated exactly. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function recordsById(articles: readonly Article[], threads: number) {
  const read = await readArticles({ articles }, { threads });
  const byId = new Map<string, string>();
  read.articles.forEach((article, i) => {
    byId.set(article.id, JSON.stringify(read.records[i]));
  });
  return { byId, problems: read.readProblems.length };
}

interface Row {
  corpus: string;
  articles: number;
  reads: number;
  differing: number;
  readProblems: number;
  seconds: number;
}

async function check(corpus: string, paths: string[]): Promise<Row | undefined> {
  if (!wanted(corpus)) return undefined;
  const started = performance.now();
  const { articles } = await loadCorpus(paths);
  const first = await recordsById(articles, 1);
  const differing = new Set<string>();
  let problems = first.problems;
  for (let k = 1; k < ORDERS; k++) {
    const again = await recordsById(shuffled(articles, k * 7919), k % 2 === 1 ? 2 : 1);
    problems = Math.max(problems, again.problems);
    for (const [id, record] of again.byId) if (first.byId.get(id) !== record) differing.add(id);
  }
  return {
    corpus,
    articles: articles.length,
    reads: ORDERS,
    differing: differing.size,
    readProblems: problems,
    seconds: (performance.now() - started) / 1000,
  };
}

const rows: Row[] = [];
const add = (row: Row | undefined) => {
  if (row) rows.push(row);
};
const reuters = dataSet("corpora/reuters-21578", "Reuters-21578");
if (reuters)
  add(
    await check("Reuters-21578, reut2-000 and -001", [
      join(reuters, "reut2-000.sgm"),
      join(reuters, "reut2-001.sgm"),
    ]),
  );
const bbc = dataSet("corpora/bbc-news-2225", "BBC 2,225");
if (bbc) add(await check("BBC 2,225", [join(bbc, "bbc")]));
const bpoil = dataSet("tls/t17/bpoil", "Timeline17 bpoil");
if (bpoil)
  for (const outlet of readdirSync(bpoil).sort()) add(await check(outlet, [join(bpoil, outlet)]));
const ecb = dataSet("corpora/clusters-ecbplus", "ECB+");
if (ecb) add(await check("ECB+", [join(ecb, "docs")]));

if (values.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
else if (rows.length > 0) {
  const line = (cells: string[]) =>
    `${(cells[0] as string).padEnd(36)}${cells
      .slice(1)
      .map((c) => c.padStart(10))
      .join("")}`;
  console.log(
    `Reading, each corpus read ${ORDERS} times (its order on 1 thread, then shuffled on 2 and 1): records that differ`,
  );
  console.log(line(["corpus", "articles", "reads", "differing", "problems", "seconds"]));
  for (const r of rows)
    console.log(
      line([
        r.corpus,
        String(r.articles),
        String(r.reads),
        String(r.differing),
        String(r.readProblems),
        r.seconds.toFixed(1),
      ]),
    );
  const bad = rows.filter((r) => r.differing > 0);
  console.log(
    bad.length === 0
      ? "identical: every article read the same whatever the order and the threads"
      : `NOT identical in ${bad.map((r) => r.corpus).join(", ")}`,
  );
}
