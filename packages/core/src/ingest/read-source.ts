import { readFile, stat } from "node:fs/promises";
import type { Problem } from "../model/problem.js";
import { decodeText } from "./decode-text.js";
import { describeFsError } from "./list-files.js";

/** A file read as text, or the problem that stopped it. */
export type SourceText =
  | { ok: true; path: string; text: string; warning?: Problem }
  | { ok: false; problem: Problem };

/** Reads a file as text within a size limit: empty, binary, oversized or unreadable files become problems. */
export async function readSource(path: string, maxBytes: number): Promise<SourceText> {
  const fail = (message: string): SourceText => ({
    ok: false,
    problem: { path, message, severity: "error" },
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      return fail(
        `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit (raise maxFileBytes to read it)`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    return fail(describeFsError(error));
  }
  if (bytes.length === 0) return fail("empty file: expected an article, found 0 bytes");
  const decoded = decodeText(bytes);
  if (decoded.kind === "binary")
    return fail(`expected text, found binary data (${decoded.reason})`);
  if (decoded.text.trim().length === 0)
    return fail("empty file: expected an article, found only white space");
  const result: SourceText = { ok: true, path, text: decoded.text.replace(/^\uFEFF/, "") };
  if (decoded.encoding === "windows-1252") {
    result.warning = {
      path,
      message: "not valid UTF-8; read as Windows-1252",
      severity: "warning",
    };
  }
  return result;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
