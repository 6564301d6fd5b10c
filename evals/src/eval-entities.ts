// pnpm eval:entities [--json]: alias merging measured on the shared data: pairwise precision and
// recall against NewsWCL50's entity annotations, and the share of plausible aliases among the top
// actors of the BP oil spill briefing (Timeline17, all five outlets).
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  aliasPlausibility,
  briefingEntities,
  goldForms,
  LISTED_ACTORS,
  mergeScores,
} from "./run-eval-entities.js";
import { dataSet } from "./shared-data.js";

const { values } = parseArgs({ options: { json: { type: "boolean" } } });
const threads = availableParallelism();
const results: Record<string, unknown> = {};

const wcl = dataSet("corpora/clusters-newswcl50", "alias merging on NewsWCL50");
if (wcl !== null) {
  const gold = goldForms(await readFile(join(wcl, "NewsWCL50.conll"), "utf8"));
  const scores = mergeScores(gold, await briefingEntities([join(wcl, "articles")], threads));
  results.newswcl50 = scores;
  if (!values.json)
    console.log(
      [
        "NewsWCL50 alias merging (pairs of written names, gold: entity clusters)",
        `  forms ${scores.forms}  merged pairs ${scores.merged}  correct ${scores.correct}  gold pairs ${scores.gold}`,
        `  precision ${scores.precision.toFixed(3)}  recall ${scores.recall.toFixed(3)}`,
        ...scores.wrong.map(([a, b]) => `  merged, apart in the gold: ${a} / ${b}`),
      ].join("\n"),
    );
}

const bpoil = dataSet("tls/t17/bpoil", "plausible aliases on bpoil");
if (bpoil !== null) {
  const folders = ["bbc", "foxnews", "guardian", "reuters", "washingtonpost"];
  const entities = await briefingEntities(
    folders.map((f) => join(bpoil, `bpoil_${f}`)),
    threads,
  );
  const plausible = aliasPlausibility(entities);
  results.bpoil = plausible;
  if (!values.json) {
    console.log(
      `bpoil top ${LISTED_ACTORS} actors: ${plausible.aliases} aliases, ${(100 * plausible.share).toFixed(0)} % plausible`,
    );
    for (const { name, alias } of plausible.implausible) console.log(`  ${name}: ${alias}`);
  }
}
if (values.json) console.log(JSON.stringify(results));
