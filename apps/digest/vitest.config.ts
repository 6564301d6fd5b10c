import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

// Most of these files wait on other processes (SMTP servers, Chromium, killed runners): three at
// a time keep two cores busy.
export default mergeConfig(shared, defineConfig({ test: { maxWorkers: 3 } }));
