import { ANALYSIS_PIPE } from "@briefing/summariser";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { readReutersStories } from "./reuters-sample.js";

/** What reading and tokenising a corpus once costs. */
export interface FloorResult {
  seconds: number;
  stories: number;
  tokens: number;
  /**
   * The same texts read again with only the annotators the summariser asks wink-nlp for
   * (sentences and parts of speech): a lower floor, reported beside the standard one.
   */
  analysisPipeSeconds: number;
}

const TITLE = /<TITLE>([\s\S]*?)<\/TITLE>/;
const BODY = /<BODY>([\s\S]*?)<\/BODY>/;

/**
 * The floor the pipeline is measured against: read every Reuters-21578 file and tokenise each
 * story's title and body once with wink-nlp as it comes (the library and model the summariser
 * reads with, all its annotators), on one thread. Loading the model is counted, as the pipeline
 * pays it too. Then the same texts once more with the summariser's own annotators only (a fresh
 * pipeline, though the process is warm by then: if anything, this lower floor is read low).
 */
export async function measureFloor(dir: string): Promise<FloorResult> {
  const started = performance.now();
  const nlp = winkNLP(model);
  const stories = await readReutersStories(dir);
  const texts = stories.map(
    (story) => `${TITLE.exec(story)?.[1] ?? ""}\n${BODY.exec(story)?.[1] ?? ""}`,
  );
  let tokens = 0;
  for (const text of texts) tokens += nlp.readDoc(text).tokens().length();
  const seconds = (performance.now() - started) / 1000;
  const lean = performance.now();
  const analysis = winkNLP(model, [...ANALYSIS_PIPE]);
  for (const text of texts) analysis.readDoc(text);
  const analysisPipeSeconds = (performance.now() - lean) / 1000;
  return { seconds, stories: stories.length, tokens, analysisPipeSeconds };
}
