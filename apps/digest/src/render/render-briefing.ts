import type { Briefing } from "@briefing/core";
import { renderMarkdown } from "./render-markdown.js";
import { renderText } from "./render-text.js";
import { fillSlots, splitSlots } from "./slot-template.js";

/** The output formats of `briefing brief`. */
export type BriefingFormat = "md" | "json" | "html" | "text" | "mjml";

/**
 * A briefing in one of the CLI's formats. The email formats (`html`, `mjml`) load the email
 * renderer, and with it MJML, only when asked for, so Markdown and JSON start fast.
 */
export async function renderBriefing(briefing: Briefing, format: BriefingFormat): Promise<string> {
  switch (format) {
    case "md":
      return renderMarkdown(briefing);
    case "json":
      return `${JSON.stringify(briefing, null, 2)}\n`;
    case "text":
      return renderText(briefing);
    case "html": {
      const { renderEmail } = await import("./render-email.js");
      return (await renderEmail(briefing)).html;
    }
    case "mjml": {
      const { compileEmail } = await import("./compile-email.js");
      const { mjml } = await compileEmail(briefing);
      return `${fillSlots(splitSlots(mjml), { greeting: "", unsubscribe: "" })}\n`;
    }
  }
}
