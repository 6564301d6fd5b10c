import { Cron } from "croner";

/** The window the next run of a digest covers, or why there is none yet. */
export type PeriodPlan =
  | { kind: "run"; start: Date; end: Date }
  | { kind: "not-due"; next: Date | null };

/** Options for {@link planPeriod}. */
export interface PlanPeriodOptions {
  schedule: string;
  timezone: string;
  /** End of the digest's latest run, if it ever ran. */
  lastEnd?: Date;
  now: Date;
  /** `due`: only when a scheduled time has passed since the last run; `now`: a period ending now. */
  mode: "due" | "now";
}

/**
 * When a digest runs and what it covers. A due run ends at the most recent scheduled time at or
 * before `now` and starts where the last run ended, so after downtime one run catches up on every
 * missed slot. A digest that never ran starts one scheduled slot before its first end. Scheduled
 * times are read in the digest's time zone, DST included.
 */
export function planPeriod(options: PlanPeriodOptions): PeriodPlan {
  const cron = new Cron(options.schedule, { timezone: options.timezone, paused: true });
  const slot = cron.previousRuns(1, new Date(options.now.getTime() + 1))[0];
  const end = options.mode === "now" ? options.now : slot;
  if (!end || (options.lastEnd && options.lastEnd.getTime() >= end.getTime()))
    return { kind: "not-due", next: cron.nextRun(options.now) };
  if (options.lastEnd) return { kind: "run", start: options.lastEnd, end };
  const before = cron.previousRuns(1, end)[0];
  return { kind: "run", start: before ?? new Date(end.getTime() - 86_400_000), end };
}
