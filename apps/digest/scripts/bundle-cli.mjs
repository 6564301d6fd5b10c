// Bundles the compiled CLI (dist/bin/briefing.js) into dist/bundle/, the `briefing` executable.
// A fresh process then compiles a few files instead of resolving and reading several hundred
// modules: `briefing brief` starts about a quarter faster. Commands and formats still load what
// only they need (the email's mjml, the database, the browser) when they run, from split chunks
// or from node_modules.
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/bundle`;

/**
 * Left to node_modules, so they must be dependencies of this package: a native addon, modules
 * loaded only by the commands or formats that need them, modules the libraries load with `require`
 * by name at run time, and the NLP model, which Node reads faster as JSON than as bundled code.
 */
const EXTERNAL = [
  "better-sqlite3",
  "mjml",
  "playwright-core",
  "pino",
  "linkedom",
  "feedsmith",
  "wink-lexicon",
  "wink-eng-lite-web-model",
];

await rm(outdir, { recursive: true, force: true });
await build({
  // The extraction worker is bundled too: each worker thread then starts from one file.
  entryPoints: {
    briefing: `${root}dist/bin/briefing.js`,
    "extract-worker": await workerEntry(),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  // The CommonJS libraries inside the bundle call `require` for Node's own modules.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);",
  },
  sourcemap: "linked",
  legalComments: "linked",
  logLevel: "warning",
  // Where read-inputs.ts finds the bundled worker: beside the chunk it is bundled into.
  define: { BRIEFING_BUNDLED_WORKER: JSON.stringify("./extract-worker.js") },
});

/** The summariser's compiled worker module, as this package resolves it. */
async function workerEntry() {
  const { createRequire } = await import("node:module");
  return createRequire(`${root}package.json`).resolve("@briefing/summariser/extract-worker");
}
