// Builds the workspace when its sources changed since the last build made here, quietly: turbo's
// output is shown only when the build fails. `pnpm brief`, `pnpm briefing` and the evals call it
// before they run, so a fresh clone or a pulled change is built without a banner on every call.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, "node_modules", ".cache", "briefing-built");
/** What a build reads, in each workspace package. */
const INPUTS = ["src", "scripts", "package.json", "tsconfig.json", "tsconfig.build.json"];

/** The newest modification time of a file or of any file under a folder (0 when absent). */
function newest(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function sourcesTime() {
  let latest = Math.max(newest(join(root, "package.json")), newest(join(root, "pnpm-lock.yaml")));
  for (const group of ["packages", "apps"])
    for (const name of readdirSync(join(root, group)))
      for (const input of INPUTS) latest = Math.max(latest, newest(join(root, group, name, input)));
  return latest;
}

/** Builds when a source is newer than the last build; exits with turbo's code when it fails. */
export function ensureBuilt() {
  const built = newest(stamp);
  if (built > 0 && sourcesTime() < built) return;
  const started = Date.now();
  const run = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ""}${run.stderr ?? ""}`);
    process.stderr.write(`build failed${run.error ? `: ${run.error.message}` : ""}\n`);
    process.exit(run.status ?? 1);
  }
  mkdirSync(join(stamp, ".."), { recursive: true });
  // Stamped with the time the build began: a source saved during the build is built next time.
  writeFileSync(stamp, "");
  utimesSync(stamp, started / 1000, started / 1000);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
