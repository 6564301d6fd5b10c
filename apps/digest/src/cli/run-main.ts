import { CommanderError } from "commander";
import { ConfigError } from "../config/errors.js";
import { createProgram } from "./create-program.js";
import { UsageError } from "./errors.js";
import { type CliIo, processIo } from "./io.js";

/**
 * Runs the CLI and returns its exit code. The only place that prints errors: a usage error prints
 * its message; anything else prints the message and its causes.
 */
export async function runMain(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const result = { exitCode: 0 };
  const program = createProgram(io, result);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ConfigError) {
      io.stderr(`briefing: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`briefing: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`briefing: ${describe(error)}\n`);
    return 1;
  }
}

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current !== undefined && parts.length < 5) {
    parts.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(": caused by: ");
}
