import { existsSync } from "node:fs";

/** A Chromium to drive: `$CHROMIUM_PATH`, else the usual Debian and Chrome locations. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

/**
 * Headless Chromium's flags here: no sandbox (CI runs as root), and no background connections,
 * which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
