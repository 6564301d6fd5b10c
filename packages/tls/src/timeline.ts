/** A timeline: calendar days (`YYYY-MM-DD`) in order, each with its summary sentences. */
export type Timeline = ReadonlyMap<string, readonly string[]>;

/** What to do with a day listed twice: join its summaries, or keep the later one. */
export interface TimelineOptions {
  /**
   * `"merge"` (default) joins the summaries of a day listed more than once; `"last"` keeps the
   * later one, as the reference tool does (tilse builds a Python dict from the entries), which
   * matters when comparing scores with published figures.
   */
  duplicateDays?: "merge" | "last";
}

/** A timeline from `[["YYYY-MM-DD", ["sentence", ...]], ...]`, days in order, time of day dropped. */
export function timelineOf(
  entries: Iterable<readonly [string, readonly string[]]>,
  options: TimelineOptions = {},
): Timeline {
  const merge = (options.duplicateDays ?? "merge") === "merge";
  const days = new Map<string, string[]>();
  for (const [when, sentences] of entries) {
    const day = when.slice(0, 10);
    days.set(day, merge ? [...(days.get(day) ?? []), ...sentences] : [...sentences]);
  }
  return new Map([...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A timeline's first and last day (empty strings for an empty timeline). */
export function timelineSpan(timeline: Timeline): { from: string; to: string } {
  const days = [...timeline.keys()];
  return { from: days[0] ?? "", to: days[days.length - 1] ?? "" };
}

/**
 * A gold timeline file as Timeline17 writes them: a `YYYY-MM-DD` line, one sentence a line, a
 * line of dashes between days.
 */
export function parseTimelineFile(text: string, options: TimelineOptions = {}): Timeline {
  const entries: [string, string[]][] = [];
  let current: string[] | undefined;
  let expectDay = true;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^-{5,}$/.test(line)) {
      expectDay = true;
      continue;
    }
    const day = expectDay ? /^(\d{4}-\d{2}-\d{2})$/.exec(line)?.[1] : undefined;
    if (day) {
      current = [];
      entries.push([day, current]);
      expectDay = false;
    } else current?.push(line);
  }
  return timelineOf(entries, options);
}
