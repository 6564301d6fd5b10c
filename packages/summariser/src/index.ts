// @briefing/summariser: from articles to a Briefing. Pure functions over the core model.

export { ANALYSIS_PIPE, analyseText, type SentenceAnalysis, type Token } from "./analyse-text.js";
export { type ArticleText, articleText } from "./article-text.js";
export { type BuildBriefingOptions, buildBriefing } from "./build-briefing.js";
export { buildEntities, type EntityIndex } from "./build-entities.js";
export { type BuildStorylinesOptions, buildStorylines } from "./build-storylines.js";
export {
  type BuildTimelineOptions,
  buildTimeline,
  TIMELINE_EXTRACTION,
  type TimelineEntry,
} from "./build-timeline.js";
export { detectEventKind } from "./detect-event-kind.js";
export { type ExtractInParallelOptions, extractInParallel } from "./extract-in-parallel.js";
export {
  type ExtractMentionsOptions,
  extractMentions,
  type MentionRecord,
  type ReportedNumber,
  sameExtractionInput,
} from "./extract-mentions.js";
export {
  createExtractionPool,
  type ExtractionPool,
  type ExtractionPoolOptions,
} from "./extraction-pool.js";
export { findNames, type NameOccurrence } from "./find-names.js";
export { KIND_LABELS, type MergeEventsOptions, mergeEvents } from "./merge-events.js";
export { nameKey, sameNameWord } from "./name-key.js";
