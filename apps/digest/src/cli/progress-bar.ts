/** Options for {@link createProgressBar}. */
export interface ProgressBarOptions {
  /** Draw at all: only when stderr is a terminal. */
  enabled: boolean;
  write: (text: string) => void;
  /** Terminal width. Default 80. */
  columns?: number;
  /** Stages with fewer items than this are not drawn. Default 300. */
  minTotal?: number;
}

/** Where a long stage is: the label, how many items are done, of how many. */
export interface Progress {
  stage: string;
  done: number;
  total: number;
}

const STAGE_LABELS: Record<string, string> = {
  read: "reading files",
  parse: "parsing",
  build: "dating articles",
  extract: "reading sentences",
};

/**
 * A one-line progress bar on stderr for long runs (more than a few hundred items), redrawn only
 * when the whole percentage changes; `finish` clears the line. Silent when not enabled, so piped
 * or captured stderr gets no control characters.
 */
export function createProgressBar(options: ProgressBarOptions) {
  const minTotal = options.minTotal ?? 300;
  let shown = "";
  let drawn = false;
  return {
    update: ({ stage, done, total }: Progress): void => {
      if (!options.enabled || total < minTotal) return;
      const percent = Math.floor((100 * done) / total);
      const key = `${stage}:${percent}`;
      if (key === shown) return;
      shown = key;
      const label = `${STAGE_LABELS[stage] ?? stage} ${done}/${total} ${String(percent).padStart(3)}% `;
      const width = Math.max(10, Math.min(40, (options.columns ?? 80) - label.length - 2));
      const filled = Math.round((width * done) / total);
      options.write(`\r${label}[${"#".repeat(filled)}${"-".repeat(width - filled)}]`);
      drawn = true;
    },
    finish: (): void => {
      if (drawn) options.write("\r\u001b[2K");
      drawn = false;
      shown = "";
    },
  };
}
