import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Problem } from "../model/problem.js";

/** A Timeline17 / news-tls topic folder: its articles, and the journalists' timelines beside them. */
const TOPIC_ARTICLES = "articles.jsonl";
const TOPIC_TIMELINES = "timelines";

/**
 * Every file under the given paths, folders read recursively in name order. Hidden entries
 * (names starting with a dot) inside folders are passed over and reported once per folder, and so
 * is the `timelines/` folder of a Timeline17-style topic (beside its `articles.jsonl`): it holds
 * journalists' reference timelines, not articles (name it to read it). Paths that do not exist or
 * cannot be read become problems.
 */
export async function listFiles(
  inputs: readonly string[],
): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  const visited = new Set<string>();

  async function visit(path: string, named: boolean): Promise<void> {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      problems.push({ path, message: describeFsError(error), severity: "error" });
      return;
    }
    if (info.isFile()) {
      files.push(path);
      return;
    }
    if (!info.isDirectory()) {
      problems.push({
        path,
        message: "expected a file or a folder, found another kind of file system entry",
        severity: "error",
      });
      return;
    }
    const real = await realpath(path).catch(() => path);
    if (visited.has(real)) {
      if (named)
        problems.push({
          path,
          message: "folder already read (a link points back to it)",
          severity: "warning",
        });
      return;
    }
    visited.add(real);
    let entries: string[];
    try {
      entries = (await readdir(path)).sort();
    } catch (error) {
      problems.push({ path, message: describeFsError(error), severity: "error" });
      return;
    }
    const hidden = entries.filter((name) => name.startsWith("."));
    if (hidden.length > 0) {
      problems.push({
        path,
        message: `passed over ${hidden.length} hidden entr${hidden.length === 1 ? "y" : "ies"}: ${hidden.slice(0, 5).join(", ")}`,
        severity: "warning",
      });
    }
    const skipped = new Set(entries.filter((name) => name.startsWith(".")));
    if (entries.includes(TOPIC_ARTICLES) && entries.includes(TOPIC_TIMELINES)) {
      skipped.add(TOPIC_TIMELINES);
      problems.push({
        path: join(path, TOPIC_TIMELINES),
        message: `passed over: reference timelines beside ${TOPIC_ARTICLES}, not articles (name the folder to read it)`,
        severity: "warning",
      });
    }
    for (const name of entries) if (!skipped.has(name)) await visit(join(path, name), false);
  }

  for (const input of inputs) await visit(input, true);
  return { files, problems };
}

/** A plain reason for a failed file system call. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied: the file cannot be read";
    case "EISDIR":
      return "expected a file, found a folder";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return `cannot be read: ${(error as Error).message ?? String(error)}`;
  }
}
