import { cleanText } from "./clean-text.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Untrusted text as HTML text or attribute content: cleaned, then `& < > " '` as entities. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/**
 * A link target safe to follow: only `http:`, `https:` and `mailto:` URLs pass, in their
 * normalised form; anything else (`javascript:`, `data:`, relative or malformed) gives `undefined`,
 * and the caller shows text only.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : undefined;
}

/** {@link safeUrl}, escaped for an HTML attribute. */
export function safeHref(url: string | undefined): string | undefined {
  return safeUrl(url)?.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
