// Adds up vitest's JSON reports of every workspace package and prints "N passed, N failed".
// A package whose report is missing counts as a failure: its tests did not run to the end.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let missing = 0;
for (const group of ["packages", "apps"]) {
  for (const name of readdirSync(group)) {
    if (!existsSync(join(group, name, "package.json"))) continue;
    const report = join(group, name, "test-results.json");
    if (!existsSync(report)) {
      console.error(`no test report from ${group}/${name}`);
      missing++;
      continue;
    }
    const results = JSON.parse(readFileSync(report, "utf8"));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
  }
}
console.log(`${passed} passed, ${failed + missing} failed`);
process.exit(failed + missing > 0 ? 1 : 0);
