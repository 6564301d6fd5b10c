import { readFileSync, writeFileSync } from "node:fs";
import { loadCorpus } from "@briefing/core/ingest";
const root = "/work/shared/data/corpora/html-article-extraction-benchmark";
const truth = JSON.parse(readFileSync(`${root}/ground-truth.json`, "utf8"));
const out: Record<string, { articleBody: string }> = {};
for (const key of Object.keys(truth)) {
  const { articles } = await loadCorpus(`${root}/html/${key}.html`, { duplicates: { fold: false } });
  out[key] = { articleBody: articles[0]?.paragraphs.join("\n") ?? "" };
}
writeFileSync(process.argv[2] ?? "/tmp/ours.json", JSON.stringify(out));
