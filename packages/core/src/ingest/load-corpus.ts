import { inferCorpusDates } from "../dates/infer-corpus-dates.js";
import type { Article } from "../model/article.js";
import type { Problem } from "../model/problem.js";
import type { ArticleDraft } from "./article-draft.js";
import { buildArticle } from "./build-article.js";
import { cleanDraft } from "./clean-draft.js";
import { type DetectedFormat, detectFormat } from "./detect-format.js";
import {
  type LanguageSample,
  languageKnownWithoutModel,
  languageSample,
  loadLanguageDetector,
} from "./detect-language.js";
import { CorpusError } from "./errors.js";
import { type FoldedDuplicate, foldDuplicates } from "./fold-duplicates.js";
import { listFiles } from "./list-files.js";
import { parseFeed } from "./parse-feed.js";
import { parseHtml } from "./parse-html.js";
import { parseJsonArticles, parseJsonLines } from "./parse-json-articles.js";
import { parseMarkdown } from "./parse-markdown.js";
import { parsePlainText } from "./parse-plain-text.js";
import { parseReutersSgml } from "./parse-reuters-sgml.js";
import { parseTimeMl } from "./parse-timeml.js";
import { readSource } from "./read-source.js";
import { findRepeatedLines } from "./repeated-lines.js";
import { dropStandingParagraphs } from "./standing-paragraphs.js";

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Files larger than this are reported, not read. Default 20 MB. */
  maxFileBytes?: number;
  /** Fold exact and near-duplicate articles (Jaccard ≥ `threshold`). Default on, 0.9. */
  duplicates?: { fold: boolean; threshold?: number };
  /** Told how far each stage has got: after every file read, parsed and article built. */
  onProgress?: (progress: CorpusProgress) => void;
  /**
   * Given the articles as they are built, a few dozen at a time and awaited, before dates are
   * inferred across the corpus and duplicates folded: so that work on each article (reading its
   * sentences on other threads) can start while loading goes on. An article given here may still
   * change, or be folded into another.
   */
  onBuilt?: (articles: readonly Article[]) => void | Promise<void>;
  /**
   * Told the corpus's size once its documents are read, before any is parsed: so that a caller
   * can get ready for work in proportion to it (start threads to read sentences on, say).
   */
  onRead?: (size: { documents: number; characters: number }) => void;
}

/** How far {@link loadCorpus} has got in one of its stages. */
export interface CorpusProgress {
  stage: "read" | "parse" | "build";
  done: number;
  total: number;
}

/** The articles read from a corpus, what could not be read, and which duplicates were folded. */
export interface LoadCorpusResult {
  articles: Article[];
  problems: Problem[];
  folded: FoldedDuplicate[];
  /** Lines left out of article bodies as page furniture, by origin path. */
  furniture: Record<string, string[]>;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Articles given to `onBuilt` at a time. */
const BUILT_BATCH = 32;

/**
 * Reads articles from files and folders (recursively): scraped page text, Markdown with front
 * matter, HTML pages, RSS/RDF/Atom/JSON feeds, JSON and JSONL articles, Reuters-21578 SGML, TimeML.
 * Never throws for bad input: each file that cannot be read becomes a problem and the rest loads.
 *
 * @example
 * const { articles, problems } = await loadCorpus(["corpus/"]);
 */
export async function loadCorpus(
  inputs: string | readonly string[],
  options: LoadCorpusOptions = {},
): Promise<LoadCorpusResult> {
  const listed = await listFiles(typeof inputs === "string" ? [inputs] : inputs);
  const problems: Problem[] = [...listed.problems];
  const documents: CorpusDocument[] = [];
  const progress = options.onProgress ?? (() => {});
  for (const [i, path] of listed.files.entries()) {
    progress({ stage: "read", done: i, total: listed.files.length });
    const source = await readSource(path, options.maxFileBytes ?? DEFAULT_MAX_BYTES);
    if (!source.ok) {
      problems.push(source.problem);
      continue;
    }
    if (source.warning) problems.push(source.warning);
    documents.push({ path, text: source.text });
  }
  const read = await readDocuments(documents, options);
  return { ...read, problems: [...problems, ...read.problems] };
}

/** A document already in memory: its text and where it came from (a path or a URL). */
export interface CorpusDocument {
  path: string;
  text: string;
}

/**
 * Reads articles from documents already in memory (fetched pages and feeds, say) exactly as
 * {@link loadCorpus} reads files: the format told by content, then by the path's extension.
 * Never throws for bad input: each document that cannot be read becomes a problem.
 */
export async function readDocuments(
  documents: readonly CorpusDocument[],
  options: Omit<LoadCorpusOptions, "maxFileBytes"> = {},
): Promise<LoadCorpusResult> {
  const problems: Problem[] = [];
  const progress = options.onProgress ?? (() => {});
  options.onRead?.({
    documents: documents.length,
    characters: documents.reduce((sum, d) => sum + d.text.length, 0),
  });
  const sources = documents.map((d) => ({ ...d, format: detectFormat(d.path, d.text) }));
  const repeatedLines = findRepeatedLines(
    sources.filter((s) => s.format === "text").map((s) => s.text),
  );
  const drafts: ArticleDraft[] = [];
  for (const [i, source] of sources.entries()) {
    progress({ stage: "parse", done: i, total: sources.length });
    const before = problems.length;
    try {
      const found = parseSource(source, { repeatedLines, problems });
      drafts.push(...found.map(cleanDraft));
      // A file that yields nothing is never passed over in silence.
      if (found.length === 0 && problems.length === before) {
        problems.push({
          path: source.path,
          message: `read as ${source.format}, but found no article in it`,
          severity: "error",
        });
      }
    } catch (error) {
      problems.push(toProblem(source.path, source.format, error));
    }
  }

  // A source's standing paragraphs (promos, prompts, policies), counted across its stories.
  drafts.splice(0, drafts.length, ...dropStandingParagraphs(drafts));
  const furniture: Record<string, string[]> = {};
  for (const draft of drafts)
    if (draft.furniture?.length) furniture[draft.origin.path] = draft.furniture;
  // Articles whose language only the model can tell are built last, once it has loaded (a third
  // of a second): the others reach `onBuilt`, and the threads reading their sentences, without
  // waiting for it.
  const samples = drafts.map((d) =>
    d.complete
      ? undefined
      : {
          text: languageSample(d.title, d.paragraphs),
          ...(d.language ? { declared: d.language } : {}),
        },
  );
  // Told once per draft: a sort that asked again would read each sample log n times.
  const needsModel = samples.map(
    (sample) => sample !== undefined && !languageKnownWithoutModel(sample),
  );
  const quick = [...drafts.keys()].filter((i) => !needsModel[i]);
  const order = [...quick, ...[...drafts.keys()].filter((i) => needsModel[i])];
  let detectLanguage = await loadLanguageDetector([]);
  const articles: Article[] = new Array(drafts.length);
  let batch: Article[] = [];
  for (const [done, i] of order.entries()) {
    progress({ stage: "build", done, total: drafts.length });
    if (done === quick.length)
      detectLanguage = await loadLanguageDetector(
        order.slice(done).map((k) => samples[k] as LanguageSample),
      );
    const article = buildArticle(drafts[i] as ArticleDraft, detectLanguage);
    articles[i] = article;
    batch.push(article);
    if (options.onBuilt && (batch.length === BUILT_BATCH || done === drafts.length - 1)) {
      await options.onBuilt(batch);
      batch = [];
    }
  }
  progress({ stage: "build", done: drafts.length, total: drafts.length });
  // Articles with no year anywhere take it from the articles that share their names.
  const built = inferCorpusDates(articles);
  const fold = options.duplicates?.fold ?? true;
  if (!fold) return { articles: built, problems, folded: [], furniture };
  const threshold = options.duplicates?.threshold;
  const kept = foldDuplicates(built, threshold === undefined ? {} : { threshold });
  return { articles: kept.articles, problems, folded: kept.folded, furniture };
}

interface ParseContext {
  repeatedLines: ReadonlySet<string>;
  problems: Problem[];
}

function parseSource(
  source: { path: string; text: string; format: DetectedFormat },
  context: ParseContext,
): ArticleDraft[] {
  const { path, text, format } = source;
  const warn = (
    where: string,
    message: string,
    severity: Problem["severity"] = "warning",
  ): void => {
    context.problems.push({ path: where, message, severity });
  };
  switch (format) {
    case "text": {
      const draft = parsePlainText(
        text,
        { path, format: "text" },
        { repeatedLines: context.repeatedLines },
      );
      if (!draft) throw new CorpusError(path, "expected article text, found no paragraph of prose");
      return [draft];
    }
    case "markdown": {
      const draft = parseMarkdown(text, { path, format: "markdown" });
      if (draft.paragraphs.length === 0 && draft.title.length === 0) {
        throw new CorpusError(path, "expected a Markdown article, found no title and no paragraph");
      }
      return [draft];
    }
    case "html": {
      const draft = parseHtml(text, { path, format: "html" });
      if (!draft)
        throw new CorpusError(path, "expected an HTML article, found no readable article content");
      return [draft];
    }
    case "feed":
    case "rss":
    case "rdf":
    case "atom":
    case "json-feed": {
      const feed = parseFeed(text, path);
      if (feed.empty.length > 0)
        warn(
          path,
          `feed items with neither title nor text, passed over: #${feed.empty.join(", #")}`,
        );
      if (feed.drafts.length === 0 && feed.empty.length === 0) warn(path, "feed has no items");
      return feed.drafts;
    }
    case "json":
    case "jsonl": {
      const parsed = format === "json" ? parseJsonArticles(text, path) : parseJsonLines(text, path);
      for (const rejected of parsed.rejected) warn(rejected.where, rejected.message, "error");
      return parsed.drafts;
    }
    case "reuters-sgml": {
      const parsed = parseReutersSgml(text, path);
      for (const warning of parsed.warnings) warn(warning.where, warning.message);
      if (parsed.unclosed > 0)
        warn(
          path,
          `${parsed.unclosed} <REUTERS> element(s) not closed (the file looks truncated)`,
          "error",
        );
      return parsed.drafts;
    }
    case "timeml": {
      const parsed = parseTimeMl(text, path);
      for (const warning of parsed.warnings) warn(path, warning);
      return [parsed.draft];
    }
  }
}

function toProblem(path: string, format: DetectedFormat, error: unknown): Problem {
  if (error instanceof CorpusError)
    return { path: error.path, message: error.message, severity: "error" };
  const message = error instanceof Error ? error.message : String(error);
  return { path, message: `could not be read as ${format}: ${message}`, severity: "error" };
}
