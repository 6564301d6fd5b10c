// pnpm eval:tls [topic-dir...] [--json] [--predictions DIR]: the Timeline17 protocol on the given
// topics, or on every topic under ../shared/data/tls/t17 when none is given.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataSet } from "./shared-data.js";

const args = process.argv.slice(2);
const flags = new Set(["--json"]);
const topics = args.filter(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--predictions" && !flags.has(a),
);
if (topics.length === 0) {
  const t17 = dataSet("tls/t17", "the Timeline17 evaluation");
  if (t17 === null) process.exit(0);
  for (const entry of readdirSync(t17, { withFileTypes: true }))
    if (entry.isDirectory()) topics.push(join(t17, entry.name));
}
const options = args.filter((a, i) => a.startsWith("--") || args[i - 1] === "--predictions");
const cli = fileURLToPath(new URL("../apps/digest/dist/bin/briefing.js", import.meta.url));
const run = spawnSync(process.execPath, [cli, "eval-tls", ...topics.sort(), ...options], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
