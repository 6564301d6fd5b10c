import { z } from "zod";

/** A place in an article's text: the sentence that reports something, and the span. */
export const MentionSchema = z.object({
  articleId: z.string().min(1),
  /** Index of the sentence in the article, counted over all paragraphs from 0. */
  sentence: z.number().int().nonnegative(),
  /** Character span `[start, end)` in the article's text (paragraphs joined by blank lines). */
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  text: z.string(),
});
export type Mention = z.infer<typeof MentionSchema>;
