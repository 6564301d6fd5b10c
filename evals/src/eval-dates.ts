// pnpm eval:dates [--timeml DIR]... [--json]: the date resolver against gold temporal expressions,
// and the dates the pipeline gives the sentences of SemEval-2015's gold timeline events.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeDate, findFirstDate, formatDateRange, resolveDates } from "@briefing/core";
import { loadCorpus } from "@briefing/core/ingest";
import { analyseText } from "@briefing/summariser";
import { alignedTable } from "./aligned-table.js";
import { readAsBrief } from "./default-briefing.js";
import { type EventDatingScore, readGoldEvents, scoreEventDating } from "./event-dating.js";
import { dataSet } from "./shared-data.js";
import { readCatXml, readTimeMl, type TimexDocument } from "./timex-gold.js";
import { valueMatches } from "./timex-value.js";

interface SetScore {
  precision: number;
  recall: number;
  value_f1: number;
  gold: number;
  predicted: number;
  value_right: number;
}

/** TempEval-3 style: relaxed span match for detection, value at the gold's granularity. */
function score(documents: TimexDocument[]): SetScore {
  let gold = 0;
  let found = 0;
  let right = 0;
  let predicted = 0;
  let predictedHits = 0;
  for (const doc of documents) {
    const predictions = resolveDates(doc.text, doc.dct)
      .map((p) => ({ ...p, end: p.index + p.text.length }))
      .filter((p) => p.index < (doc.annotatedUntil ?? doc.text.length));
    const overlaps = (a: { start: number; end: number }, p: { index: number; end: number }) =>
      p.index < a.end && a.start < p.end;
    for (const p of predictions) {
      const hit = doc.timexes.find((t) => overlaps(t, p));
      // A prediction on a gold TIME, DURATION or SET is judged with those types, not here.
      if (hit && hit.type !== "DATE") continue;
      predicted++;
      if (hit) predictedHits++;
    }
    for (const timex of doc.timexes.filter((t) => t.type === "DATE")) {
      gold++;
      const match = predictions.find((p) => overlaps(timex, p));
      if (!match) continue;
      found++;
      if (valueMatches(match.estimate, timex.value, doc.dct)) right++;
    }
  }
  const valuePrecision = right / Math.max(1, predicted);
  const valueRecall = right / Math.max(1, gold);
  return {
    precision: round(predictedHits / Math.max(1, predicted)),
    recall: round(found / Math.max(1, gold)),
    value_f1: round(
      (2 * valuePrecision * valueRecall) / Math.max(1e-9, valuePrecision + valueRecall),
    ),
    gold,
    predicted,
    value_right: right,
  };
}

function filesUnder(dir: string, extension: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, extension));
    else if (name.endsWith(extension)) out.push(path);
  }
  return out;
}

function ecbPlus(root: string) {
  const raw: string[] = [];
  for (const file of filesUnder(join(root, "docs"), ".json")) {
    const value = JSON.parse(readFileSync(file, "utf8")).date_publish;
    if (
      typeof value === "string" &&
      /\b(19|20)\d\d\b|\b\d{1,2} ?\/ ?\d{1,2} ?\/ ?\d{2}\b/.test(value)
    )
      raw.push(value);
  }
  let parsed = 0;
  let consistent = 0;
  for (const value of raw) {
    const found = findFirstDate(value);
    if (!found) continue;
    parsed++;
    // Accuracy: the day read states the string's own year (four digits, or two in d/m/yy) and day number.
    const [y, , d] = found.date.split("-");
    const yearStated =
      value.includes(y as string) || new RegExp(`/ ?${(y as string).slice(2)}\\b`).test(value);
    if (yearStated && new RegExp(`\\b0?${Number(d)}(?:st|nd|rd|th)?\\b`, "i").test(value))
      consistent++;
  }
  return {
    strings: raw.length,
    parse_rate: round(parsed / Math.max(1, raw.length)),
    accuracy: round(consistent / Math.max(1, raw.length)),
  };
}

interface CorpusDates {
  title: string;
  published: string;
  evidence: string[];
  dated: { sentence: string; expression: string; date: string }[];
}

/** The project's own corpus: each article's publication estimate and each dated sentence. */
async function corpusDates(): Promise<CorpusDates[]> {
  const root = fileURLToPath(new URL("../../corpus", import.meta.url));
  const { articles } = await loadCorpus(root);
  return articles.map((article) => {
    const { start, end } = article.published;
    const reference = start && end ? { start, end } : null;
    const dated: CorpusDates["dated"] = [];
    if (reference)
      // The pipeline's own sentences, as the summariser reads them.
      for (const paragraph of article.paragraphs)
        for (const { text: sentence } of analyseText(paragraph))
          for (const found of resolveDates(sentence, reference))
            dated.push({ sentence, expression: found.text, date: describeDate(found.estimate) });
    return {
      title: article.title,
      published: `${formatDateRange(article.published)} (confidence ${article.published.confidence.toFixed(2)})`,
      evidence: article.published.evidence.map((e) => `${e.rule}: ${e.text}`),
      dated,
    };
  });
}

/**
 * SemEval-2015 Task 4's corpora, each read as `brief` reads a folder of TimeML (loaded while its
 * sentences are read on every core): how the pipeline dates the sentences of the gold events.
 */
async function eventDating(root: string): Promise<Record<string, EventDatingScore>> {
  const scores: Record<string, EventDatingScore> = {};
  for (const name of readdirSync(root).sort()) {
    if (!name.startsWith("corpus_")) continue;
    const dir = join(root, name, "corpus_trackA_TimeML");
    const files = new Map(
      filesUnder(dir, ".tml").map((path) => [
        basename(path).split("_")[0] as string,
        { path, text: readFileSync(path, "utf8") },
      ]),
    );
    const read = await readAsBrief([dir], availableParallelism());
    scores[name] = scoreEventDating(
      readGoldEvents(join(root, name)),
      files,
      read.articles,
      read.records,
    );
  }
  return scores;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const sets: Record<string, TimexDocument[]> = {};
  const timemlDirs = args.flatMap((arg, i) => (args[i - 1] === "--timeml" ? [arg] : []));
  if (timemlDirs.length > 0) {
    for (const dir of timemlDirs)
      sets[dir] = filesUnder(dir, ".tml")
        .map(readTimeMl)
        .filter((d): d is TimexDocument => d !== null);
  } else {
    const tbaq = dataSet("timex/tbaq-cleaned", "TimeBank + AQUAINT");
    if (tbaq) {
      sets.timebank = filesUnder(join(tbaq, "TimeBank"), ".tml")
        .map(readTimeMl)
        .filter((d): d is TimexDocument => d !== null);
      sets.aquaint = filesUnder(join(tbaq, "AQUAINT"), ".tml")
        .map(readTimeMl)
        .filter((d): d is TimexDocument => d !== null);
    }
    const meantime = dataSet("timex/meantime-english", "MEANTIME");
    if (meantime)
      sets.meantime = filesUnder(meantime, ".xml")
        .map(readCatXml)
        .filter((d): d is TimexDocument => d !== null);
  }
  const report: {
    sets: Record<string, SetScore>;
    ecbplus?: ReturnType<typeof ecbPlus>;
    events?: Record<string, EventDatingScore>;
    corpus?: CorpusDates[];
  } = { sets: {} };
  for (const [name, docs] of Object.entries(sets)) report.sets[name] = score(docs);
  const ecb =
    timemlDirs.length === 0 ? dataSet("corpora/clusters-ecbplus", "ECB+ date strings") : null;
  if (ecb) report.ecbplus = ecbPlus(ecb);
  const semEval =
    timemlDirs.length === 0
      ? dataSet("corpora/timeline-semeval2015-task4", "SemEval-2015 timeline events")
      : null;
  if (semEval) report.events = await eventDating(semEval);
  if (timemlDirs.length === 0) report.corpus = await corpusDates();
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  for (const [name, s] of Object.entries(report.sets)) {
    console.log(
      `${name.padEnd(10)} gold DATE ${String(s.gold).padStart(5)}  predicted ${String(s.predicted).padStart(5)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  value F1 ${s.value_f1.toFixed(3)}`,
    );
  }
  if (report.ecbplus) {
    const e = report.ecbplus;
    console.log(
      `ECB+ date_publish strings with a year: ${e.strings}, parsed ${(100 * e.parse_rate).toFixed(1)} %, accurate ${(100 * e.accuracy).toFixed(1)} %`,
    );
  }
  if (report.events) {
    console.log(
      "\nSemEval-2015 timeline events: the date the pipeline gives each gold event's sentence (headlines, read as titles, left out)",
    );
    const pct = (part: number, whole: number) =>
      `${Math.round((100 * part) / Math.max(1, whole))} %`;
    const rows = Object.entries(report.events).map(([name, e]) => [
      name,
      String(e.dated),
      pct(e.found, e.dated),
      pct(e.given, e.dated),
      pct(e.within, e.dated),
      `${pct(e.exactDays, e.days)} of ${e.days}`,
      `${pct(e.undatedToo, e.undated)} of ${e.undated}`,
      String(e.titles),
    ]);
    const header = [
      "corpus",
      "dated events",
      "found",
      "dated",
      "within gold",
      "exact day",
      "undated too",
    ];
    for (const line of alignedTable([header, ...rows], (column) => column === 0)) console.log(line);
  }
  for (const article of report.corpus ?? []) {
    console.log(`\n${article.title}\n  published ${article.published}`);
    for (const line of article.evidence) console.log(`    ${line}`);
    for (const d of article.dated)
      console.log(
        `  ${d.date}\n      ${d.sentence.length > 160 ? `${d.sentence.slice(0, 157)}...` : d.sentence}`,
      );
  }
}

await main();
