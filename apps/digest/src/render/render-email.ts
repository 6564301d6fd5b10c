import type { Briefing } from "@briefing/core";
import { compileEmail, type EmailOptions } from "./compile-email.js";
import { personaliseEmail, type Recipient, type RenderedEmail } from "./personalise-email.js";

/** Options for {@link renderEmail}: the digest's, and the one recipient's. */
export interface RenderEmailOptions extends EmailOptions {
  recipient?: Recipient;
}

/**
 * A briefing as one email: `{ subject, html, text, preheader }`. For many recipients, call
 * {@link compileEmail} once and {@link personaliseEmail} per recipient instead.
 *
 * @example
 * const { subject, html, text } = await renderEmail(briefing, {
 *   kicker: "Panjshir daily",
 *   recipient: { name: "Ana", unsubscribeUrl: "https://example.org/u/123" },
 * });
 */
export async function renderEmail(
  briefing: Briefing,
  options: RenderEmailOptions = {},
): Promise<RenderedEmail> {
  const { recipient, ...rest } = options;
  return personaliseEmail(await compileEmail(briefing, rest), recipient);
}
