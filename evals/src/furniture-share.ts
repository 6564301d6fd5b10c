import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus } from "@briefing/core/ingest";

/** How much of a text's sentences look like furniture, by counting rather than by our rules. */
export interface FurnitureShare {
  reading: string;
  sentences: number;
  /**
   * Sentences of four words or more (figures blanked) that one outlet prints on three or more
   * publication days (shorter ones are mostly a splitter's cut after "Rep." or "U.S.").
   */
  repeated: number;
  /** Sentences still showing Penn Treebank marks (-LRB-, ``, '' , " 's"). */
  tokenised: number;
}

const PTB = /-[LR][RCS]B-|``|''| n't\b| 's\b/;

/**
 * Bpoil's sentences as the dump holds them, and as the bodies of the articles loadCorpus gives
 * when the same texts are read as JSONL and as plain-text files: the share an independent count
 * calls furniture (a sentence one outlet prints on three or more days) and the share with
 * treebank marks.
 */
export async function furnitureShares(topicDir: string): Promise<FurnitureShare[]> {
  const raw: Sentences[] = [];
  const jsonl: Sentences[] = [];
  const plain: Sentences[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "briefing-furniture-"));
  try {
    for (const outlet of readdirSync(topicDir).sort()) {
      const file = join(topicDir, outlet, "articles.jsonl");
      let lines: string[];
      try {
        lines = readFileSync(file, "utf8").split("\n");
      } catch {
        continue;
      }
      const records = lines.flatMap((line) => {
        try {
          const record = JSON.parse(line) as { id?: string; time?: string; text?: string };
          return record.text
            ? [{ id: String(record.id), day: record.time ?? "", text: record.text }]
            : [];
        } catch {
          return [];
        }
      });
      raw.push(records.map((r) => ({ outlet, day: r.day, sentences: sentencesOf(r.text) })));
      const loaded = await loadCorpus(file, { duplicates: { fold: false } });
      jsonl.push(
        loaded.articles.map((a) => ({
          outlet,
          day: a.published.start ?? "",
          sentences: a.paragraphs.flatMap(sentencesOf),
        })),
      );
      const folder = join(scratch, outlet);
      mkdirSync(folder);
      const dayOf = new Map<string, string>();
      for (const record of records) {
        writeFileSync(join(folder, `${record.id}.txt`), record.text);
        dayOf.set(`${record.id}.txt`, record.day);
      }
      const read = await loadCorpus(folder, { duplicates: { fold: false } });
      plain.push(
        read.articles.map((a) => ({
          outlet,
          day: dayOf.get(a.origins[0]?.path.split("/").pop() ?? "") ?? "",
          sentences: [a.title, ...a.paragraphs].flatMap(sentencesOf),
        })),
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return [
    share("dump as it is", raw.flat()),
    share("read as JSONL", jsonl.flat()),
    share("read as plain text", plain.flat()),
  ];
}

type Sentences = { outlet: string; day: string; sentences: string[] }[];

const SENTENCES = new Intl.Segmenter("en", { granularity: "sentence" });

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => [...SENTENCES.segment(line)].map((s) => s.segment.trim()))
    .filter((s) => /\p{L}/u.test(s));
}

function share(reading: string, articles: Sentences): FurnitureShare {
  const key = (outlet: string, sentence: string) =>
    `${outlet}\u0000${sentence.toLowerCase().replace(/\d+/g, "0").replace(/\s+/g, " ")}`;
  const days = new Map<string, Set<string>>();
  for (const article of articles)
    for (const sentence of article.sentences) {
      const k = key(article.outlet, sentence);
      const seen = days.get(k) ?? new Set<string>();
      seen.add(article.day);
      days.set(k, seen);
    }
  let sentences = 0;
  let repeated = 0;
  let tokenised = 0;
  for (const article of articles)
    for (const sentence of article.sentences) {
      sentences++;
      const long = sentence.split(/\s+/).length >= 4;
      if (long && (days.get(key(article.outlet, sentence))?.size ?? 0) >= 3) repeated++;
      if (PTB.test(sentence)) tokenised++;
    }
  return { reading, sentences, repeated, tokenised };
}
