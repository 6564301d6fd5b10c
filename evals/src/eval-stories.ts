// pnpm eval:stories: the default briefing of every story of three collections, NewsWCL50 (10
// events, 5 outlets each), ECB+ (43 topics) and SemEval-2015's Wikinews (3 topics of 30 articles
// over years, in TimeML), as `brief` makes it: size and headline, one table, to be read as a
// reader would.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { evalStories, type Story, tableOfStories } from "./run-eval-stories.js";
import { dataSet } from "./shared-data.js";

/** The entries of a folder grouped by the number `pattern` reads at their start, by number. */
function groupedByNumber(dir: string, pattern: RegExp): [number, string[]][] {
  const groups = new Map<number, string[]>();
  for (const name of readdirSync(dir).sort()) {
    const number = pattern.exec(name)?.[1];
    if (number !== undefined)
      groups.set(Number(number), [...(groups.get(Number(number)) ?? []), join(dir, name)]);
  }
  return [...groups].sort((a, b) => a[0] - b[0]);
}

const stories: Story[] = [];
const wcl = dataSet("corpora/clusters-newswcl50/articles", "NewsWCL50's stories");
if (wcl !== null)
  for (const [event, paths] of groupedByNumber(wcl, /^(\d+)_/))
    stories.push({ name: `NewsWCL50 ${event}`, paths });
const ecb = dataSet("corpora/clusters-ecbplus/docs", "ECB+'s stories");
// A topic's two halves (its "ecb" and "ecbplus" folders) are one story to brief.
if (ecb !== null)
  for (const [topic, paths] of groupedByNumber(ecb, /^(\d+)ecb/))
    stories.push({ name: `ECB+ ${topic}`, paths });
const semEval = dataSet("corpora/timeline-semeval2015-task4", "SemEval-2015's Wikinews topics");
if (semEval !== null)
  for (const [corpus] of groupedByNumber(semEval, /^corpus_(\d+)$/))
    stories.push({
      name: `SemEval ${corpus}`,
      paths: [join(semEval, `corpus_${corpus}`, "corpus_trackA_TimeML")],
    });
if (stories.length > 0)
  console.log(tableOfStories(await evalStories(stories, { threads: availableParallelism() })));
