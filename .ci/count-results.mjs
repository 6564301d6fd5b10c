// Adds up vitest's JSON reports of every workspace package and prints "N passed, N failed".
// A package whose report is missing counts as a failure: its tests did not run to the end.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let missing = 0;
// The workspace's packages: packages/*, apps/* and bench (pnpm-workspace.yaml).
const folders = [
  ...["packages", "apps"].flatMap((group) => readdirSync(group).map((name) => join(group, name))),
  "bench",
];
for (const folder of folders) {
  if (!existsSync(join(folder, "package.json"))) continue;
  const report = join(folder, "test-results.json");
  if (!existsSync(report)) {
    console.error(`no test report from ${folder}`);
    missing++;
    continue;
  }
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
}
console.log(`${passed} passed, ${failed + missing} failed`);
process.exit(failed + missing > 0 ? 1 : 0);
