import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Options for {@link writeReutersSample}. */
export interface ReutersSampleOptions {
  /** A Reuters-21578 folder (`reut2-*.sgm`). */
  source: string;
  /** The folder to write the sample's `.sgm` files into (made if missing). */
  out: string;
  /** How many stories: the first ones, and past the end of the corpus, re-dated copies. */
  stories: number;
}

const STORY = /<REUTERS\b[\s\S]*?<\/REUTERS>/g;
const PER_FILE = 1000;

/**
 * Writes the first `stories` stories of Reuters-21578 as SGML files; past the corpus's end it
 * starts again with copies shifted by whole years (copy 1 a year on, copy 2 two years...): the
 * `<DATE>`, the years written in the text and the ids move, and the title is marked with the
 * copy's number, so that each copy is a distinct story published a year later, not a duplicate to
 * fold.
 * Bytes are kept as they are (latin1 in, latin1 out).
 */
export async function writeReutersSample(options: ReutersSampleOptions): Promise<number> {
  const corpus = await readReutersStories(options.source);
  if (corpus.length === 0)
    throw new Error(`${options.source}: expected reut2-*.sgm stories, found none`);
  await mkdir(options.out, { recursive: true });
  let written = 0;
  for (let file = 0; written < options.stories; file++) {
    const stories: string[] = [];
    for (; stories.length < PER_FILE && written < options.stories; written++) {
      const copy = Math.floor(written / corpus.length);
      stories.push(redate(corpus[written % corpus.length] as string, copy, corpus.length));
    }
    const name = `reut2-${String(file).padStart(3, "0")}.sgm`;
    await writeFile(join(options.out, name), `${stories.join("\n")}\n`, "latin1");
  }
  return written;
}

/** The `<REUTERS>` elements of a Reuters-21578 folder's `reut2-*.sgm` files, in order (latin1). */
export async function readReutersStories(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^reut2-\d+\.sgm$/.test(f)).sort();
  const stories: string[] = [];
  for (const file of files)
    stories.push(...((await readFile(join(dir, file), "latin1")).match(STORY) ?? []));
  return stories;
}

/** A story moved `years` on: dates, years in the text, ids, and the copy marked in the title. */
export function redate(story: string, years: number, idStride: number): string {
  if (years === 0) return story;
  return story
    .replace(
      /\b(NEWID|OLDID)="(\d+)"/g,
      (_, name, id) => `${name}="${Number(id) + years * idStride}"`,
    )
    .replace(/\b(1[89]\d\d|20\d\d)\b/g, (year) => String(Number(year) + years))
    .replace(/<TITLE>([\s\S]*?)<\/TITLE>|(<TEXT\b[^>]*>)(?![\s\S]*<TITLE>)/, (_, title, text) =>
      text === undefined
        ? `<TITLE>${title} (copy ${years})</TITLE>`
        : `${text}<TITLE>(copy ${years})</TITLE>`,
    );
}
