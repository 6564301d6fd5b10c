// @briefing/tls: measuring timelines against journalists' timelines.

export { type RougeScores, rougeScores } from "./align-rouge.js";
export { dateScores, fScore, type Scores } from "./date-scores.js";
export { type RougeCounts, rougeCounts, rougeTokens } from "./rouge-counts.js";
export { parseTimelineFile, type Timeline, type TimelineOptions, timelineOf } from "./timeline.js";
