// The model entry of @briefing/core: types, schemas and pure functions, usable in a browser.

export {
  daysBetween,
  shiftDay,
  startOfLocalDay,
  toLocalDay,
  weekdayOf,
} from "./dates/calendar-day.js";
export { dayEstimate } from "./dates/day-estimate.js";
export { describeDate, formatDateRange } from "./dates/describe-date.js";
export type { Tense } from "./dates/detect-tense.js";
export { findFirstDate } from "./dates/find-first-date.js";
export {
  type InferCorpusDatesOptions,
  inferCorpusDates,
  properNames,
} from "./dates/infer-corpus-dates.js";
export {
  type InferPublishedOptions,
  inferPublished,
  latestPastDate,
  resolveStatedDates,
} from "./dates/infer-published.js";
export { isCalendarDate } from "./dates/is-calendar-date.js";
export { type DateLine, parseDateLine } from "./dates/parse-date-line.js";
export { precisionOfSpan } from "./dates/precision-of-span.js";
export { type DateReference, type ResolvedDate, resolveDates } from "./dates/resolve-dates.js";
export {
  type Article,
  ArticleSchema,
  type Origin,
  OriginSchema,
  type SourceFormat,
  SourceFormatSchema,
} from "./model/article.js";
export {
  BRIEFING_SCHEMA_VERSION,
  type Briefing,
  BriefingSchema,
  type Caveat,
  CaveatSchema,
  type LedeSentence,
  LedeSentenceSchema,
  type RecalledEvent,
  RecalledEventSchema,
  type StorylineSoFar,
  StorylineSoFarSchema,
  type TimelineEntry,
  TimelineEntrySchema,
} from "./model/briefing.js";
export { getBriefingJsonSchema } from "./model/briefing-json-schema.js";
export {
  type DateEstimate,
  DateEstimateSchema,
  type DateEvidence,
  DateEvidenceSchema,
  type DatePrecision,
  DatePrecisionSchema,
  IsoDateSchema,
  UNKNOWN_DATE,
} from "./model/date-estimate.js";
export { type Entity, type EntityKind, EntityKindSchema, EntitySchema } from "./model/entity.js";
export {
  type Dispute,
  DisputeSchema,
  type Event,
  type EventAction,
  EventActionSchema,
  type EventKind,
  EventKindSchema,
  EventSchema,
} from "./model/event.js";
export { type Mention, MentionSchema } from "./model/mention.js";
export { type Problem, ProblemSchema } from "./model/problem.js";
export { type Phase, PhaseSchema, type Storyline, StorylineSchema } from "./model/storyline.js";
