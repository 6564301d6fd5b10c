import { UsageError } from "./errors.js";

/** The formats `briefing brief` writes. */
export const BRIEF_FORMATS = ["md", "json", "html", "text", "mjml"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

export function assertFormat(value: string): BriefFormat {
  if ((BRIEF_FORMATS as readonly string[]).includes(value)) return value as BriefFormat;
  throw new UsageError(`--format: expected one of ${BRIEF_FORMATS.join(", ")}, found "${value}"`);
}
