// @briefing/digest: the CLI and its renderers, for embedding and tests.

export { type CliIo, processIo } from "./cli/io.js";
export { runMain } from "./cli/run-main.js";
export type { FilledTemplate } from "./delivery/compose-message.js";
export {
  createMailer,
  type Mailer,
  type MailerOptions,
  type OutgoingMessage,
} from "./delivery/create-mailer.js";
export { type Preview, type PreviewOptions, startPreview } from "./preview/start-preview.js";
export { type CompiledEmail, compileEmail, type EmailOptions } from "./render/compile-email.js";
export { RenderError } from "./render/errors.js";
export { escapeHtml, safeHref, safeUrl } from "./render/escape-html.js";
export { escapeMarkdown } from "./render/escape-markdown.js";
export {
  type BriefingLayout,
  type LayoutOptions,
  layoutBriefing,
} from "./render/layout-briefing.js";
export {
  personaliseEmail,
  type Recipient,
  type RecipientSlots,
  type RenderedEmail,
  recipientSlots,
} from "./render/personalise-email.js";
export { type BriefingFormat, renderBriefing } from "./render/render-briefing.js";
export { type CorpusReport, renderCorpusReport } from "./render/render-corpus-report.js";
export { type RenderEmailOptions, renderEmail } from "./render/render-email.js";
export { type RenderMarkdownOptions, renderMarkdown } from "./render/render-markdown.js";
export { type RenderTextOptions, renderText } from "./render/render-text.js";
