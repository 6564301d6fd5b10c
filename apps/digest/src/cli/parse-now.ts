import { UsageError } from "./errors.js";

/** Reads `--now`: an ISO 8601 date or instant. */
export function parseNow(value: string | undefined, fallback: () => Date): Date {
  if (value === undefined) return fallback();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--now: expected an ISO 8601 date or time such as 2022-01-20T08:00:00Z, found "${value}"`,
    );
  }
  return date;
}
