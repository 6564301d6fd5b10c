import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Test files that spend seconds waiting on other processes (Chromium, killed and concurrent
 * runners, SMTP exchanges, the built CLI): started first, so that they run beside the quick
 * files instead of after them.
 */
const SLOW_FILES =
  /(email-in-browser|serve|crash-and-concurrency|workers|digests-from-feeds|digests-over-smtp|schedule|start-preview|bundle|run-main|render-email|corpus|extraction-pool|read-articles)\.test\.ts$/;

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (file: TestSpecification) => SLOW_FILES.test(file.moduleId);
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}

// Tests wait for events (a message received, a process ended, a page rendered), never for a
// wall-clock budget: the timeouts only stop a test that hangs, far beyond what a loaded machine
// takes. Under CI, each package also writes vitest's JSON report so .ci/run can total the results.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results.json" },
    testTimeout: 600_000,
    hookTimeout: 600_000,
    sequence: { sequencer: SlowFilesFirst },
  },
});
