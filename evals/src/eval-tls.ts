// pnpm eval:tls [topic-dir...] [--json] [--predictions DIR] [--threads N]: the Timeline17 protocol
// on the given topics, or on every topic under ../shared/data/tls/t17 when none is given.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runEvalTls } from "./run-eval-tls.js";
import { dataSet } from "./shared-data.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean" },
    predictions: { type: "string" },
    threads: { type: "string" },
  },
});
const topics = [...positionals];
if (topics.length === 0) {
  const t17 = dataSet("tls/t17", "the Timeline17 evaluation");
  if (t17 === null) process.exit(0);
  for (const entry of readdirSync(t17, { withFileTypes: true }))
    if (entry.isDirectory()) topics.push(join(t17, entry.name));
}
const threads = values.threads ? Number(values.threads) : availableParallelism();
if (!Number.isInteger(threads) || threads < 1) {
  console.error(
    `eval:tls: --threads: expected a whole number of at least 1, found "${values.threads}"`,
  );
  process.exit(2);
}
const result = await runEvalTls(topics.sort(), {
  threads,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  clock: () => performance.now(),
  ...(values.json ? { json: true } : {}),
  ...(values.predictions ? { predictions: values.predictions } : {}),
});
for (const warning of result.warnings) console.error(`warning: ${warning}`);
process.stdout.write(result.output);
process.exitCode = result.code;
