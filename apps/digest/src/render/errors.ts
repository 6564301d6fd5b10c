/** A briefing could not be rendered as asked: a bad option, or a template MJML refused. */
export class RenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RenderError";
  }
}
