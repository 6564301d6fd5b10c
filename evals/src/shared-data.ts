import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `../shared/data` beside the checkout, where evaluation data lives (never copied in). */
export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

/** The path of a data set, or `null` after printing one line when it is absent. */
export function dataSet(relative: string, what: string): string | null {
  const path = `${SHARED_DATA}${relative}`;
  if (existsSync(path)) return path;
  console.log(`skipped ${what}: ${path} is absent`);
  return null;
}

/**
 * The topic folders to evaluate: those named, else every topic of Timeline17 under ../shared;
 * `null` (after one line) when none is named and the data set is absent.
 */
export function topicDirs(named: readonly string[], what: string): string[] | null {
  if (named.length > 0) return [...named].sort();
  const t17 = dataSet("tls/t17", what);
  if (t17 === null) return null;
  return readdirSync(t17, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(t17, entry.name))
    .sort();
}

/** Median of a list of numbers (0 for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Token-level F1 of two texts (bag of lower-cased word tokens). */
export function tokenF1(predicted: string, expected: string): number {
  const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const expectedCounts = new Map<string, number>();
  const expectedTokens = tokens(expected);
  for (const token of expectedTokens)
    expectedCounts.set(token, (expectedCounts.get(token) ?? 0) + 1);
  const predictedTokens = tokens(predicted);
  let overlap = 0;
  for (const token of predictedTokens) {
    const left = expectedCounts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      expectedCounts.set(token, left - 1);
    }
  }
  if (overlap === 0) return predictedTokens.length === 0 && expectedTokens.length === 0 ? 1 : 0;
  const precision = overlap / predictedTokens.length;
  const recall = overlap / expectedTokens.length;
  return (2 * precision * recall) / (precision + recall);
}
