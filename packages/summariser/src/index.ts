// @briefing/summariser: from articles to a Briefing. Pure functions over the core model, but for
// the worker threads that read a corpus's sentences on every core.

export { type BuildBriefingOptions, buildBriefing } from "./briefing/build-briefing.js";
export type { TimelineBudget } from "./briefing/select-timeline.js";
export { ANALYSIS_PIPE, analyseText, type SentenceAnalysis } from "./mentions/analyse-text.js";
export type {
  ExtractMentionsOptions,
  MentionRecord,
  ReportedNumber,
} from "./mentions/extract-mentions.js";
export type { NameOccurrence } from "./mentions/find-names.js";
export {
  type ArticleLoader,
  type ArticlesRead,
  type ReadArticlesOptions,
  readArticles,
} from "./parallel/read-articles.js";
