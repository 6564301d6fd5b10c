#!/usr/bin/env node
import { runMain } from "../cli/run-main.js";

// A reader that stops early (`briefing brief | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runMain(process.argv.slice(2));
