import { z } from "zod";
import { BriefingSchema } from "./briefing.js";

/**
 * The JSON Schema (draft 2020-12) of the Briefing JSON, for consumers in other languages.
 * Also shipped as `@briefing/core/briefing.schema.json`.
 */
export function getBriefingJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(BriefingSchema, { io: "output", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}
