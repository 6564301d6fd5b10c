import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { readReutersStories } from "./reuters-sample.js";

/** What reading and tokenising a corpus once costs. */
export interface FloorResult {
  seconds: number;
  stories: number;
  tokens: number;
}

const TITLE = /<TITLE>([\s\S]*?)<\/TITLE>/;
const BODY = /<BODY>([\s\S]*?)<\/BODY>/;

/**
 * The floor the pipeline is measured against: read every Reuters-21578 file and tokenise each
 * story's title and body once with wink-nlp (the library and model the summariser reads with), on
 * one thread. Loading the model is counted, as the pipeline pays it too.
 */
export async function measureFloor(dir: string): Promise<FloorResult> {
  const started = performance.now();
  const nlp = winkNLP(model);
  const stories = await readReutersStories(dir);
  let tokens = 0;
  for (const story of stories) {
    const text = `${TITLE.exec(story)?.[1] ?? ""}\n${BODY.exec(story)?.[1] ?? ""}`;
    tokens += nlp.readDoc(text).tokens().length();
  }
  return { seconds: (performance.now() - started) / 1000, stories: stories.length, tokens };
}
