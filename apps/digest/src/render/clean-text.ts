/**
 * Control characters, bidirectional controls (overrides and isolates could reorder what follows
 * them), and U+F8FF, which renderers reserve for their own placeholders.
 */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\uF8FF]/gu;

/**
 * Untrusted text made fit to show inline: unsafe characters removed, line breaks and runs of
 * white space folded into one space, ends trimmed. Right-to-left letters are kept; the renderers
 * isolate them by direction where the format allows.
 */
export function cleanText(text: string): string {
  return text.replace(/\s+/gu, " ").replace(UNSAFE, "").trim();
}
