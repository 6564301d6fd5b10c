// Bundles the compiled CLI (dist/bin/briefing.js) into dist/bundle/, the `briefing` executable.
// A fresh process then compiles a few files instead of resolving and reading several hundred
// modules: `briefing brief` starts about a quarter faster. Commands and formats still load what
// only they need (the email's mjml, the database, the browser) when they run, from split chunks
// or from node_modules.
import { rm } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
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
  plugins: [ngramsAsJson()],
});

/**
 * The language model `eld` ships its n-grams as one JavaScript object literal of 50,000 entries,
 * which V8 took 0.3-0.4 s to compile in every process that met a page of unclear language. The
 * bundle carries the same data as a JSON string given to `JSON.parse`, which reads it in about
 * 0.15 s. The data is checked equal, prototypes and all, before it is written.
 */
function ngramsAsJson() {
  return {
    name: "eld-ngrams-as-json",
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]eld[\\/]src[\\/]ngrams[\\/][\w-]+\.js$/ }, async (args) => {
        const { ngramsData } = await import(pathToFileURL(args.path).href);
        const json = JSON.stringify(ngramsData);
        if (!isDeepStrictEqual(JSON.parse(json), ngramsData))
          throw new Error(`${args.path}: its n-grams do not survive JSON; bundle it as it is`);
        return {
          contents: `export const ngramsData = JSON.parse(${JSON.stringify(json)});\n`,
          loader: "js",
        };
      });
    },
  };
}

/** The summariser's compiled worker module, as this package resolves it. */
async function workerEntry() {
  const { createRequire } = await import("node:module");
  return createRequire(`${root}package.json`).resolve("@briefing/summariser/extract-worker");
}
