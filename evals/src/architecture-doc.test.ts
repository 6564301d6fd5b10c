import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Where source files live: every package's `src`, the build scripts and CI's own. */
function sourceFolders(): string[] {
  const folders = ["bench/src", "evals/src", "scripts", ".ci"];
  for (const group of ["packages", "apps"])
    for (const name of readdirSync(join(root, group)))
      folders.push(`${group}/${name}/src`, `${group}/${name}/scripts`);
  return folders.filter((folder) => existsSync(join(root, folder)));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The files ARCHITECTURE.md names: under each heading that is a folder (`### \`folder\``), a
 * backticked file name is read in that folder, or from the root when it is a path from there.
 */
function namedFiles(doc: string): string[] {
  const named: string[] = [];
  let folder: string | undefined;
  for (const line of doc.split("\n")) {
    const heading = /^#{2,3} `([^`]+)`/.exec(line);
    if (heading) {
      folder = heading[1];
      continue;
    }
    if (/^#{1,3} /.test(line)) folder = undefined;
    if (!folder) continue;
    for (const [, name] of line.matchAll(/`([\w./-]+\.(?:ts|mjs))`/g)) {
      const fromRoot = relative(root, join(root, name as string));
      named.push(
        name?.includes("/") && existsSync(join(root, fromRoot)) ? fromRoot : `${folder}/${name}`,
      );
    }
  }
  return named;
}

describe("ARCHITECTURE.md", () => {
  const named = namedFiles(readFileSync(join(root, "ARCHITECTURE.md"), "utf8"));

  it("names every source file, each once, and none that is gone", () => {
    const files = sourceFolders().flatMap(sourceFiles).sort();
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => !named.includes(file))).toEqual([]);
    expect(named.filter((file) => !existsSync(join(root, file)))).toEqual([]);
    expect(named.filter((file, i) => named.indexOf(file) !== i)).toEqual([]);
  });
});
