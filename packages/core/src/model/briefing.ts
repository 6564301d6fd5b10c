import { z } from "zod";
import { ArticleSchema } from "./article.js";
import { EntitySchema } from "./entity.js";
import { DisputeSchema } from "./event.js";
import { ProblemSchema } from "./problem.js";
import { StorylineSchema } from "./storyline.js";

/** Version of the Briefing JSON contract; bumped on any breaking change. */
export const BRIEFING_SCHEMA_VERSION = 2;

/** A sentence of the lede and the articles it is drawn from. */
export const LedeSentenceSchema = z.object({
  text: z.string(),
  articleIds: z.array(z.string()),
});

/**
 * One entry of the timeline a reader sees: an event, dated to a day or a week (a month at most,
 * when little else is dated), told by its best sentence and citing every article reporting it.
 */
export const TimelineEntrySchema = z.object({
  /** The first day the event may fall on (`YYYY-MM-DD`); the day it fell on when `precision` is "day". */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The last day it may fall on: the same day, or up to a week or (rarely) a month later. */
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  precision: z.enum(["day", "week", "month"]),
  eventId: z.string().min(1),
  storylineId: z.string().min(1),
  text: z.string(),
  articleIds: z.array(z.string()).min(1),
  /** How the day was read, when no digit of it was written: "from ‘on Wednesday’". */
  dateNote: z.string().optional(),
  /** Figures its sources disagree on, when few enough to be a dispute rather than a series. */
  disputes: z.array(DisputeSchema).optional(),
  /** Independent sources reporting it (publishers, or articles when none is known). */
  sources: z.number().int().positive(),
  /** The event's place in the importance ranking of all events (1 = most important). */
  rank: z.number().int().positive(),
  /** Its importance score: what the ranking sorts by. */
  score: z.number(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A claim a reader should weigh: one resting on a single source, or one whose figures disagree. */
export const CaveatSchema = z.object({
  eventId: z.string().min(1),
  kind: z.enum(["single-source", "disputed"]),
  /** The event's summary sentence. */
  text: z.string(),
  articleIds: z.array(z.string()).min(1),
});
export type Caveat = z.infer<typeof CaveatSchema>;

/** An earlier event a digest recalls beside a storyline's news: its day and sentence. */
export const RecalledEventSchema = LedeSentenceSchema.extend({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** For a briefing of what changed: each storyline with news and what it had told so far. */
export const StorylineSoFarSchema = z.object({
  storylineId: z.string().min(1),
  /** Its earlier top-ranked events, oldest first: the "so far" line. */
  soFar: z.array(RecalledEventSchema),
});
export type StorylineSoFar = z.infer<typeof StorylineSoFarSchema>;
export type RecalledEvent = z.infer<typeof RecalledEventSchema>;

/** The whole briefing: the public JSON contract of `briefing brief --format json`. */
export const BriefingSchema = z.object({
  schemaVersion: z.literal(BRIEFING_SCHEMA_VERSION),
  /** ISO 8601 instant the caller passed as `now`. */
  generatedAt: z.string(),
  headline: z.string(),
  summary: z.array(LedeSentenceSchema),
  /**
   * What the reader sees, in reading order (day, then rank): the most important events within the
   * briefing's reading budget, dated to a day or a week. `storylines` keeps every event.
   */
  timeline: z.array(TimelineEntrySchema),
  /** Up to three cited sentences of context that no day or week dates. */
  background: z.array(LedeSentenceSchema),
  storylines: z.array(StorylineSchema),
  entities: z.array(EntitySchema),
  /** Disputed claims first, then those resting on one source (statements aside). */
  caveats: z.array(CaveatSchema),
  /**
   * Only in a briefing of what changed (`news` given): the storylines with news, each with its
   * "so far"; the timeline then holds new events only.
   */
  changes: z.array(StorylineSoFarSchema).optional(),
  articles: z.array(ArticleSchema),
  problems: z.array(ProblemSchema),
});
export type Briefing = z.infer<typeof BriefingSchema>;
export type LedeSentence = z.infer<typeof LedeSentenceSchema>;
