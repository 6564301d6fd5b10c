// pnpm eval:briefing [topic-dir...] [--json]: the default briefing of each source folder of a
// Timeline17-style topic, and of all of them, scored against the journalists' timelines beside the
// lead baseline; every topic under ../shared/data/tls/t17 when none is given.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { evalBriefing, tableOfBriefing } from "./run-eval-briefing.js";
import { topicDirs } from "./shared-data.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "boolean" } },
});
const topics = topicDirs(positionals, "the briefing evaluation");
if (topics === null) process.exit(0);
for (const topic of topics) {
  const { rows, problems } = await evalBriefing(topic, {
    threads: availableParallelism(),
    clock: () => performance.now(),
  });
  for (const problem of problems) console.error(`warning: ${problem}`);
  if (values.json) console.log(JSON.stringify({ topic, rows }));
  else console.log(`${topic}\n${tableOfBriefing(rows)}`);
}
