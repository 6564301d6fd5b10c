// pnpm eval:tls [topic-dir...] [--json] [--predictions DIR] [--threads N]: the Timeline17 protocol
// with the briefing's own selection on the given topics, or on every topic under ../shared/data/tls/t17 when none is given.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { runEvalTls } from "./run-eval-tls.js";
import { topicDirs } from "./shared-data.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean" },
    predictions: { type: "string" },
    threads: { type: "string" },
  },
});
const topics = topicDirs(positionals, "the Timeline17 evaluation");
if (topics === null) process.exit(0);
const threads = values.threads ? Number(values.threads) : availableParallelism();
if (!Number.isInteger(threads) || threads < 1) {
  console.error(
    `eval:tls: --threads: expected a whole number of at least 1, found "${values.threads}"`,
  );
  process.exit(2);
}
const result = await runEvalTls(topics, {
  threads,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  clock: () => performance.now(),
  ...(values.json ? { json: true } : {}),
  ...(values.predictions ? { predictions: values.predictions } : {}),
});
for (const warning of result.warnings) console.error(`warning: ${warning}`);
process.stdout.write(result.output);
process.exitCode = result.code;
