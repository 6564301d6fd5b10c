import { z } from "zod";
import { isCalendarDate } from "../dates/is-calendar-date.js";

/** How finely a {@link DateEstimate} pins its date down. */
export const DatePrecisionSchema = z.enum(["day", "week", "month", "year", "unknown"]);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** Calendar date in ISO 8601 form, `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a calendar date YYYY-MM-DD")
  .refine(isCalendarDate, "expected a real calendar date");

/** One piece of text that supports a date, and the rule that read it. */
export const DateEvidenceSchema = z.object({
  text: z.string(),
  rule: z.string(),
});
export type DateEvidence = z.infer<typeof DateEvidenceSchema>;

/**
 * An honest date: a closed range of calendar days `[start, end]`, how precise it is, why we
 * believe it, and how much. `precision: "unknown"` carries `start` and `end` of `null` when
 * nothing bounds the date, or the bounds that are known (either may be `null`).
 */
export const DateEstimateSchema = z
  .object({
    start: IsoDateSchema.nullable(),
    end: IsoDateSchema.nullable(),
    precision: DatePrecisionSchema,
    evidence: z.array(DateEvidenceSchema),
    confidence: z.number().min(0).max(1),
  })
  .superRefine((estimate, ctx) => {
    if (estimate.precision !== "unknown" && (estimate.start === null || estimate.end === null)) {
      ctx.addIssue({
        code: "custom",
        message: `precision "${estimate.precision}" needs both start and end`,
      });
    }
    if (estimate.start !== null && estimate.end !== null && estimate.start > estimate.end) {
      ctx.addIssue({ code: "custom", message: "start must not be after end" });
    }
  });
export type DateEstimate = z.infer<typeof DateEstimateSchema>;

/** The estimate for a date about which nothing is known. */
export const UNKNOWN_DATE: DateEstimate = Object.freeze({
  start: null,
  end: null,
  precision: "unknown",
  evidence: [],
  confidence: 0,
}) as DateEstimate;
