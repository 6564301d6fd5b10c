import { UsageError } from "./errors.js";

/** A whole-number option (`--max-events`, `--threads`), at least `min`, or a usage error naming it. */
export function parseCount(flag: string, value: string, min = 0): number {
  if (/^\d+$/.test(value) && Number(value) >= min) return Number(value);
  const expected = min > 0 ? `a whole number of at least ${min}` : "a whole number";
  throw new UsageError(`${flag}: expected ${expected}, found "${value}"`);
}
