// @briefing/tls: measuring timelines against journalists' timelines.

export { dateScores, fScore, type Scores } from "./date-scores.js";
export { parseTimelineFile, type Timeline, timelineOf } from "./timeline.js";
