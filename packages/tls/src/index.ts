// @briefing/tls: measuring timelines against journalists' timelines.

export { type RougeScores, rougeScores } from "./align-rouge.js";
export { dateScores, fScore, type Scores } from "./date-scores.js";
export { type GoldTimeline, readTopic, type Topic, type TopicArticle } from "./read-topic.js";
export { type RougeCounts, rougeCounts, rougeTokens } from "./rouge-counts.js";
export {
  type ProtocolResult,
  type RunProtocolOptions,
  runProtocol,
  type TimelineResult,
  type TimelineSystem,
  type TimelineTask,
} from "./run-protocol.js";
export {
  parseTimelineFile,
  type Timeline,
  type TimelineOptions,
  timelineOf,
  timelineSpan,
} from "./timeline.js";
export { type AgreementPair, timelineAgreement } from "./timeline-agreement.js";
export { meanScores, type TimelineScores, timelineScores } from "./timeline-scores.js";
