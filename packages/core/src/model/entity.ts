import { z } from "zod";

export const EntityKindSchema = z.enum(["person", "organisation", "place", "other"]);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/** A person, organisation or place, with every spelling it goes by in the corpus. */
export const EntitySchema = z.object({
  id: z.string().min(1),
  /** Canonical name: the most frequent full form. */
  name: z.string(),
  kind: EntityKindSchema,
  aliases: z.array(z.string()),
});
export type Entity = z.infer<typeof EntitySchema>;
