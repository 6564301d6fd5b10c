import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../index.ts", import.meta.url));
const FORBIDDEN =
  /^(mjml|nodemailer|better-sqlite3|smtp-server|linkedom|@mozilla\/readability|feedsmith)(\/|$)|render|email|ingest/;

describe("the model entry of @briefing/core", () => {
  it("bundles for the browser: it imports nothing Node-only, nothing from email, rendering or ingestion", async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const input of inputs) {
      expect(builtins.has(input), input).toBe(false);
      expect(input, input).not.toMatch(FORBIDDEN);
    }
    expect(inputs.some((input) => input.includes("zod"))).toBe(true);
  });
});
