// pnpm eval:stories: the default briefing of every story of two collections no rule was written
// from, NewsWCL50 (10 events, 5 outlets each) and ECB+ (43 topics), as `brief` makes it: size and
// headline, one table, to be read as a reader would.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { evalStories, type Story, tableOfStories } from "./run-eval-stories.js";
import { dataSet } from "./shared-data.js";

const stories: Story[] = [];
const wcl = dataSet("corpora/clusters-newswcl50/articles", "NewsWCL50's stories");
if (wcl !== null) {
  const byEvent = new Map<string, string[]>();
  for (const file of readdirSync(wcl).sort()) {
    const event = /^(\d+)_/.exec(file)?.[1];
    if (event !== undefined) byEvent.set(event, [...(byEvent.get(event) ?? []), join(wcl, file)]);
  }
  for (const [event, paths] of [...byEvent].sort((a, b) => Number(a[0]) - Number(b[0])))
    stories.push({ name: `NewsWCL50 ${event}`, paths });
}
const ecb = dataSet("corpora/clusters-ecbplus/docs", "ECB+'s stories");
if (ecb !== null) {
  // A topic's two halves (its "ecb" and "ecbplus" folders) are one story to brief.
  const topics = new Map<number, string[]>();
  for (const folder of readdirSync(ecb).sort()) {
    const topic = /^(\d+)ecb/.exec(folder)?.[1];
    if (topic !== undefined)
      topics.set(Number(topic), [...(topics.get(Number(topic)) ?? []), join(ecb, folder)]);
  }
  for (const [topic, paths] of [...topics].sort((a, b) => a[0] - b[0]))
    stories.push({ name: `ECB+ ${topic}`, paths });
}
if (stories.length > 0)
  console.log(tableOfStories(await evalStories(stories, { threads: availableParallelism() })));
