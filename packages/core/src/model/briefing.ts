import { z } from "zod";
import { ArticleSchema } from "./article.js";
import { EntitySchema } from "./entity.js";
import { ProblemSchema } from "./problem.js";
import { StorylineSchema } from "./storyline.js";

/** Version of the Briefing JSON contract; bumped on any breaking change. */
export const BRIEFING_SCHEMA_VERSION = 1;

/** A sentence of the lede and the articles it is drawn from. */
export const LedeSentenceSchema = z.object({
  text: z.string(),
  articleIds: z.array(z.string()),
});

/** A claim a reader should weigh: one resting on a single source, or one whose figures disagree. */
export const CaveatSchema = z.object({
  eventId: z.string().min(1),
  kind: z.enum(["single-source", "disputed"]),
  /** The event's summary sentence. */
  text: z.string(),
  articleIds: z.array(z.string()).min(1),
});
export type Caveat = z.infer<typeof CaveatSchema>;

/** The whole briefing: the public JSON contract of `briefing brief --format json`. */
export const BriefingSchema = z.object({
  schemaVersion: z.literal(BRIEFING_SCHEMA_VERSION),
  /** ISO 8601 instant the caller passed as `now`. */
  generatedAt: z.string(),
  headline: z.string(),
  summary: z.array(LedeSentenceSchema),
  storylines: z.array(StorylineSchema),
  entities: z.array(EntitySchema),
  /** Disputed claims first, then those resting on one source (statements aside). */
  caveats: z.array(CaveatSchema),
  articles: z.array(ArticleSchema),
  problems: z.array(ProblemSchema),
});
export type Briefing = z.infer<typeof BriefingSchema>;
export type LedeSentence = z.infer<typeof LedeSentenceSchema>;
