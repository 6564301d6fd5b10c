/** A configuration file that cannot be used: every problem found, each naming its field. */
export class ConfigError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(
      `${path}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join("\n  ")}`}`,
      options,
    );
    this.name = "ConfigError";
  }
}
