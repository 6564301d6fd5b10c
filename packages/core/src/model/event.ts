import { z } from "zod";
import { DateEstimateSchema } from "./date-estimate.js";
import { MentionSchema } from "./mention.js";

export const EventKindSchema = z.enum([
  "talks",
  "offensive",
  "capture",
  "casualty",
  "proposal",
  "statement",
  "agreement",
  "withdrawal",
  "appointment",
  "other",
]);
export type EventKind = z.infer<typeof EventKindSchema>;

/** A figure the sources disagree on, with each value and who reported it. */
export const DisputeSchema = z.object({
  about: z.string(),
  claims: z.array(z.object({ value: z.string(), articleIds: z.array(z.string()).min(1) })).min(2),
});
export type Dispute = z.infer<typeof DisputeSchema>;

/**
 * What happened, as a headline names it: a noun ("explosion", "arrest", "talks") and the family
 * of such actions it belongs to ("disaster", "arrest", "talks"), which phases of a story are told by.
 */
export const EventActionSchema = z.object({ family: z.string().min(1), label: z.string().min(1) });
export type EventAction = z.infer<typeof EventActionSchema>;

/** Something that happened or was said, merged from every report of it. */
export const EventSchema = z.object({
  id: z.string().min(1),
  date: DateEstimateSchema,
  kind: EventKindSchema,
  /** What happened, read from the reports' main clauses; absent for statements and the like. */
  action: EventActionSchema.optional(),
  title: z.string(),
  summary: z.string(),
  /** Ids of the entities taking part. */
  entities: z.array(z.string()),
  mentions: z.array(MentionSchema).min(1),
  /** Number of independent articles reporting the event. */
  corroboration: z.number().int().nonnegative(),
  disputed: z.array(DisputeSchema).optional(),
});
export type Event = z.infer<typeof EventSchema>;
