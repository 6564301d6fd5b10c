// @briefing/digest: the CLI and its renderers, for embedding and tests.

export { type CliIo, processIo } from "./cli/io.js";
export { runMain } from "./cli/run-main.js";
export { escapeMarkdown } from "./render/escape-markdown.js";
export { type CorpusReport, renderCorpusReport } from "./render/render-corpus-report.js";
