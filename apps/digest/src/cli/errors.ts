/** A failure the user can fix: printed as is, with the exit code given. */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "UsageError";
    this.exitCode = options.exitCode ?? 2;
  }
}
