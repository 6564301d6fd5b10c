import { cleanText } from "./clean-text.js";
import type { CompiledEmail } from "./compile-email.js";
import { RenderError } from "./errors.js";
import { escapeHtml, safeUrl } from "./escape-html.js";
import { fillSlots, type SlotName } from "./slot-template.js";

/** Who one message is for. */
export interface Recipient {
  /** Shown in the greeting; at most 80 characters are used. */
  name?: string;
  /** This recipient's unsubscribe link (http, https or mailto, at most 1,000 characters). */
  unsubscribeUrl?: string;
}

/** An email ready to send. */
export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

/** One recipient's values for the slots of a compiled email's HTML and text. */
export interface RecipientSlots {
  html: Record<SlotName, string>;
  text: Record<SlotName, string>;
}

/**
 * One recipient's slot values, escaped for each format: what {@link personaliseEmail} joins
 * into the compiled parts, and what a mailer joins into their encoded form.
 *
 * @throws RenderError when the unsubscribe link is not a safe web or mailto address.
 */
export function recipientSlots(recipient: Recipient = {}): RecipientSlots {
  const name = recipient.name ? cleanText(recipient.name).slice(0, 80) : "";
  const url = recipient.unsubscribeUrl;
  const link = url === undefined ? undefined : safeUrl(url);
  if (url !== undefined && (link === undefined || link.length > 1000))
    throw new RenderError(
      `unsubscribe link: expected an http, https or mailto URL of at most 1,000 characters, found "${url.slice(0, 80)}"`,
    );
  const href = link ? escapeHtml(link) : "";
  return {
    html: {
      greeting: name ? `<p style="margin:0 0 12px;">Hello ${escapeHtml(name)},</p>` : "",
      unsubscribe: link ? `<a href="${href}" style="color:#0a58b0;">Unsubscribe</a>.` : "",
    },
    text: {
      greeting: name ? `Hello ${name},\n\n` : "",
      unsubscribe: link ? `\nUnsubscribe: ${link}` : "",
    },
  };
}

/**
 * Fills a compiled email's slots for one recipient: a join of precompiled parts with escaped
 * values, so thousands of recipients cost one MJML compile.
 *
 * @throws RenderError when the unsubscribe link is not a safe web or mailto address.
 */
export function personaliseEmail(
  compiled: CompiledEmail,
  recipient: Recipient = {},
): RenderedEmail {
  const slots = recipientSlots(recipient);
  return {
    subject: compiled.subject,
    preheader: compiled.preheader,
    html: fillSlots(compiled.html, slots.html),
    text: fillSlots(compiled.text, slots.text),
  };
}
