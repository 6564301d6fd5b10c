import { availableParallelism } from "node:os";
import type { Problem } from "@briefing/core";

/** Where a command writes: injected so tests can capture output without touching the process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The working folder relative paths are read from. */
  cwd: string;
  /** The clock, read only here at the edge; commands pass `now` on to the library. */
  now: () => Date;
  /** Whether stderr is a terminal (progress bars are drawn only then), and its width. */
  stderrTerminal?: { columns: number };
  /** How many threads the machine runs at once (worker pools size themselves by it; default 1). */
  cpus?: number;
  /** The environment variables commands may read: `SMTP_URL`, `BRIEFING_SECRET`. */
  env: Readonly<Record<string, string | undefined>>;
}

/** Input problems on stderr, one line each: `error: path: what was expected, what was found`. */
export function writeProblems(problems: readonly Problem[], io: Pick<CliIo, "stderr">): void {
  for (const p of problems) io.stderr(`${p.severity}: ${p.path}: ${p.message}\n`);
}

/** The real process's streams and clock. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    now: () => new Date(),
    cpus: availableParallelism(),
    env: process.env,
    ...(process.stderr.isTTY ? { stderrTerminal: { columns: process.stderr.columns ?? 80 } } : {}),
  };
}
