import { defineConfig } from "vitest/config";

// Under CI, each package also writes vitest's JSON report so .ci/run can total the results.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results.json" },
    testTimeout: 30_000,
  },
});
