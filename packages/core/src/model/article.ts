import { z } from "zod";
import { DateEstimateSchema } from "./date-estimate.js";

/** The formats ingestion understands. */
export const SourceFormatSchema = z.enum([
  "text",
  "markdown",
  "html",
  "rss",
  "rdf",
  "atom",
  "json-feed",
  "json",
  "jsonl",
  "reuters-sgml",
  "timeml",
]);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** Where an article was read from; a folded duplicate keeps every origin. */
export const OriginSchema = z.object({
  path: z.string(),
  format: SourceFormatSchema,
});
export type Origin = z.infer<typeof OriginSchema>;

/** One news article, cleaned of page furniture. */
export const ArticleSchema = z.object({
  /** Stable: derived from a hash of the normalised title and text. */
  id: z.string().min(1),
  title: z.string(),
  paragraphs: z.array(z.string()),
  url: z.string().optional(),
  publisher: z.string().optional(),
  byline: z.string().optional(),
  /** BCP 47 language tag, `und` when it could not be told. */
  language: z.string(),
  published: DateEstimateSchema,
  origins: z.array(OriginSchema).min(1),
});
export type Article = z.infer<typeof ArticleSchema>;
