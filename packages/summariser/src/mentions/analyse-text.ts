import { createRequire } from "node:module";
import winkNLP from "wink-nlp";

/** One token of a sentence, as wink-nlp reads it. */
export interface Token {
  value: string;
  /** Lowercased, contractions expanded. */
  normal: string;
  lemma: string;
  /** Universal part of speech: `PROPN`, `NOUN`, `VERB`, `NUM`, `PUNCT`... */
  pos: string;
  /** Character offset in the analysed text. */
  start: number;
}

/** A sentence of an analysed text. */
export interface SentenceAnalysis {
  text: string;
  /** `[start, end)` in the analysed text. */
  start: number;
  end: number;
  tokens: Token[];
}

const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM"]);

/** The lowercased lemmas of a sentence's content words (nouns, names, verbs, adjectives, numbers). */
export function contentTerms(tokens: readonly Token[]): string[] {
  return tokens
    .filter((t) => CONTENT.has(t.pos) && t.lemma.length > 1)
    .map((t) => t.lemma.toLowerCase());
}

/**
 * wink-nlp as patched for Briefing (patches/wink-nlp@2.4.0.patch). wink-nlp adds every unknown
 * word it reads to a cache shared by all later documents, and a cached word is then tokenised
 * and tagged differently ("f.o.b." no longer ends a sentence once "F.O.B" was read; "USD" learned
 * as a word stays a word where it is a currency symbol): how a text was read depended on what the
 * process had read before. The patch adds a checkpoint of the cache as the model made it and a
 * rollback to it, and every text is read after a rollback: each text meets the same cache, so
 * what it reads as is a function of the text alone, whatever came before, on any thread. (Its
 * other changes keep one text's own words from changing how the rest of it reads.)
 */
type Nlp = ReturnType<typeof winkNLP> & {
  cacheCheckpoint(): CacheCheckpoint;
  cacheRollback(checkpoint: CacheCheckpoint): void;
  /** Size of the cache's store of learned words. */
  cacheLearned(): number;
};
interface CacheCheckpoint {
  readonly sizes: Readonly<Record<string, number>>;
  readonly extrinsic: number;
}
let shared: { engine: Nlp; pristine: CacheCheckpoint } | undefined;

/**
 * The wink-nlp annotators the summariser needs: sentence boundaries and parts of speech (lemmas
 * come from these). Its named entities, negation and sentiment are not read, and leaving them
 * out makes reading about 40% faster with the same tokens, sentences, tags and lemmas.
 */
export const ANALYSIS_PIPE: readonly string[] = Object.freeze(["sbd", "pos"]);

/**
 * The wink-nlp pipeline, made once per thread, and its cache as made. Its English model (about a
 * quarter of a second to load: 3 MB of JSON and the tables made from it) is loaded here, on first
 * use, not when this module is imported: a command or thread that never reads a sentence does not
 * pay for it, and a corpus's loading and worker threads start that much sooner.
 */
function nlp(): { engine: Nlp; pristine: CacheCheckpoint } {
  if (!shared) {
    const model = createRequire(import.meta.url)("wink-eng-lite-web-model") as Parameters<
      typeof winkNLP
    >[0];
    const engine = winkNLP(model, [...ANALYSIS_PIPE]) as Nlp;
    shared = { engine, pristine: engine.cacheCheckpoint() };
  }
  return shared;
}

/**
 * Splits a text into sentences and tokens with part of speech and lemma (wink-nlp with its
 * English lite model), reading it against the cache as the model made it. Offsets point into
 * `text`.
 */
export function analyseText(text: string): SentenceAnalysis[] {
  const { engine, pristine } = nlp();
  // Rolling back costs about a tenth of reading; it is what makes reading history-independent.
  if (engine.cacheLearned() !== pristine.extrinsic) engine.cacheRollback(pristine);
  return readSentences(engine, text);
}

/**
 * The sentences of an article's text, its paragraphs joined by blank lines at `offsets`
 * (`articleText`), offsets into `text`. Read as one text, which is about a fifth faster than
 * paragraph by paragraph (wink-nlp's cost per text, and the article's unknown words learned once,
 * not once per paragraph) and gives the same sentences, tokens and tags: the cache's rollback keeps
 * a text's own words from changing how the rest of it reads. wink-nlp ends a sentence at nearly
 * every blank line, but not at all ("f.o.b. The" before "The"): should a sentence run across one,
 * the paragraphs are read one by one.
 */
export function analyseParagraphs(text: string, offsets: readonly number[]): SentenceAnalysis[] {
  const whole = analyseText(text);
  if (keepsToParagraphs(whole, offsets)) return whole;
  return offsets.flatMap((start, i) => {
    const end = i + 1 < offsets.length ? (offsets[i + 1] as number) - 2 : text.length;
    return analyseText(text.slice(start, end)).map((s) => ({
      text: s.text,
      start: s.start + start,
      end: s.end + start,
      tokens: s.tokens.map((t) => ({ ...t, start: t.start + start })),
    }));
  });
}

/** Whether each sentence (in order) ends within the paragraph it starts in. */
function keepsToParagraphs(sentences: readonly SentenceAnalysis[], offsets: readonly number[]) {
  // The paragraph after the one a sentence starts in; paragraph i ends two characters (the blank
  // line) before paragraph i + 1 starts.
  let next = 1;
  for (const sentence of sentences) {
    while (next < offsets.length && (offsets[next] as number) <= sentence.start) next++;
    if (next < offsets.length && sentence.end > (offsets[next] as number) - 2) return false;
  }
  return true;
}

function readSentences(engine: Nlp, text: string): SentenceAnalysis[] {
  const its = engine.its;
  const { prepared, originalOffset } = separateClitics(text);
  const doc = engine.readDoc(prepared);
  const values = doc.tokens().out(its.value) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  // wink-nlp types its.lemma with an addons parameter its own out() does not accept.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const poses = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tokens: Token[] = [];
  let position = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    position += (spaces[i] as string).length;
    // wink keeps the text as it was; should a token ever differ, find it again.
    if (prepared.startsWith(value, position) === false) {
      const found = prepared.indexOf(value, position);
      if (found >= 0) position = found;
    }
    tokens.push({
      value,
      normal: normals[i] as string,
      lemma: lemmas[i] as string,
      pos: poses[i] as string,
      start: originalOffset(position),
    });
    position += value.length;
  }
  const sentences: SentenceAnalysis[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const own = tokens.slice(first, last + 1).filter((t) => t.pos !== "SPACE");
    const head = own[0];
    const tail = own[own.length - 1];
    if (!head || !tail) continue;
    const start = head.start;
    const end = tail.start + tail.value.length;
    sentences.push({ text: text.slice(start, end), start, end, tokens: own });
  }
  return sentences;
}

/**
 * The text with a space before each clitic ("BP's" → "BP 's"), and a map from its offsets back to
 * the text's. wink-nlp caches every unknown word it meets, and a word once cached whole ("BP's"
 * seen after a quote mark) is no longer split: without this, how a sentence was tokenised would
 * depend on what came before it in the same text.
 */
function separateClitics(text: string): {
  prepared: string;
  originalOffset: (offset: number) => number;
} {
  const inserted: number[] = [];
  const prepared = text.replace(CLITIC, (clitic: string, offset: number) => {
    inserted.push(offset + inserted.length);
    return ` ${clitic}`;
  });
  if (inserted.length === 0) return { prepared, originalOffset: (offset) => offset };
  return {
    prepared,
    originalOffset: (offset) => {
      let before = 0;
      while (before < inserted.length && (inserted[before] as number) < offset) before++;
      return offset - before;
    },
  };
}

const CLITIC = /(?<=[\p{L}\p{N}])['’](?:s|re|ve|ll|d|m)(?![\p{L}\p{N}])/giu;
