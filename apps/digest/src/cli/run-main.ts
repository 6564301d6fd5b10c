import { CommanderError } from "commander";
import { ConfigError } from "../config/errors.js";
import { maskCredentials } from "../config/redact-secrets.js";
import { createProgram } from "./create-program.js";
import { UsageError } from "./errors.js";
import { type CliIo, processIo } from "./io.js";

/**
 * Runs the CLI and returns its exit code. The only place that prints errors: a usage error prints
 * its message; anything else prints the message and its causes. Credentials in a URL are masked
 * in whatever it prints.
 */
export async function runMain(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const result = { exitCode: 0 };
  const program = createProgram(io, result);
  // --debug may stand anywhere on the line: an internal error then prints its stack.
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(
      argv.filter((arg) => arg !== "--debug"),
      { from: "user" },
    );
    return result.exitCode;
  } catch (error) {
    const print = (text: string) => io.stderr(`briefing: ${maskCredentials(text)}\n`);
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ConfigError) {
      print(error.message);
      return 2;
    }
    if (error instanceof UsageError) {
      print(error.message);
      return error.exitCode;
    }
    print(describe(error));
    if (debug) io.stderr(`${maskCredentials(stacks(error))}\n`);
    else
      io.stderr("briefing: an internal error; run again with --debug for its stack to report it\n");
    return 1;
  }
}

/** The stack of an error and of each of its causes. */
function stacks(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current !== undefined && parts.length < 5) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\ncaused by: ");
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
