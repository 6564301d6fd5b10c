import { z } from "zod";

/**
 * Something in the input that could not be used as it is. Problems never stop the rest of the
 * work: they are reported next to the result.
 */
export const ProblemSchema = z.object({
  /** The file (or file and item, `feed.xml#3`) the problem is about. */
  path: z.string(),
  /** What was expected and what was found, in plain words. */
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});
export type Problem = z.infer<typeof ProblemSchema>;
