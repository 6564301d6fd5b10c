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

/** Something that happened or was said, merged from every report of it. */
export const EventSchema = z.object({
  id: z.string().min(1),
  date: DateEstimateSchema,
  kind: EventKindSchema,
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
