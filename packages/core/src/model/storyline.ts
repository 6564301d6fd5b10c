import { z } from "zod";
import { EventSchema } from "./event.js";

/** A stretch of a storyline in which one kind of event dominates. */
export const PhaseSchema = z.object({
  label: z.string(),
  /** Ids of the events of this phase, oldest first. */
  events: z.array(z.string()),
});
export type Phase = z.infer<typeof PhaseSchema>;

/** One story followed through time: its events, oldest first. */
export const StorylineSchema = z.object({
  id: z.string().min(1),
  /** The most central entity or place. */
  topic: z.string(),
  headline: z.string(),
  phases: z.array(PhaseSchema).optional(),
  events: z.array(EventSchema),
});
export type Storyline = z.infer<typeof StorylineSchema>;
