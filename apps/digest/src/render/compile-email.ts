import type { Briefing } from "@briefing/core";
import { cleanText } from "./clean-text.js";
import { RenderError } from "./errors.js";
import { type BriefingLayout, type LayoutOptions, layoutBriefing } from "./layout-briefing.js";
import { type EmailFrame, mjmlOfLayout } from "./render-mjml.js";
import { textOfLayout } from "./render-text.js";
import { type SlotTemplate, slotMark, splitSlots } from "./slot-template.js";

/** Options for {@link compileEmail}. */
export interface EmailOptions extends Omit<LayoutOptions, "maxEntries"> {
  /** Subject line. Default: the headline. */
  subject?: string;
  /** Small line above the headline, e.g. the digest's name. Default "Briefing". */
  kicker?: string;
  /** Why the reader gets this email. */
  reason?: string;
  /** Link to the full briefing, offered when entries are left out. */
  fullBriefingUrl?: string;
  /** Largest HTML part in bytes, recipient values included. Default 100,000 (Gmail clips at about 102 KB). */
  maxBytes?: number;
}

/** One digest compiled once, ready to be personalised for each recipient. */
export interface CompiledEmail {
  subject: string;
  preheader: string;
  /** The MJML source that was compiled. */
  mjml: string;
  html: SlotTemplate;
  text: SlotTemplate;
  /** Timeline entries left out to keep the HTML within `maxBytes`. */
  collapsed: number;
}

/** Bytes kept free for the recipient's values; {@link personaliseEmail} enforces the caps that make this enough. */
export const RECIPIENT_RESERVE = 4096;
const DEFAULT_REASON = "You receive this briefing because you asked Briefing for it.";

/**
 * Compiles a briefing into an email once: MJML 5 with strict validation, then cut at the
 * per-recipient slots. When the HTML would pass `maxBytes`, the oldest timeline entries are left
 * out (the fewest that make it fit, found by bisection) and the email says so.
 */
export async function compileEmail(
  briefing: Briefing,
  options: EmailOptions = {},
): Promise<CompiledEmail> {
  const budget = (options.maxBytes ?? 100_000) - RECIPIENT_RESERVE;
  options = { maxClaims: 8, singleSourceClaims: "count", ...options };
  const full = layoutBriefing(briefing, options);
  const total = full.storylines.reduce(
    (n, s) => n + s.sections.reduce((m, x) => m + x.entries.length, 0),
    0,
  );
  let best = await compileLayout(full, options);
  if (best.bytes <= budget) return best.email;
  let lo = 0;
  let hi = total - 1;
  let fitting: typeof best | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const attempt = await compileLayout(
      layoutBriefing(briefing, { ...options, maxEntries: mid }),
      options,
    );
    if (attempt.bytes <= budget) {
      fitting = attempt;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  best =
    fitting ??
    (await compileLayout(layoutBriefing(briefing, { ...options, maxEntries: 0 }), options));
  return best.email;
}

async function compileLayout(layout: BriefingLayout, options: EmailOptions) {
  const frame: EmailFrame = {
    kicker: options.kicker ?? "Briefing",
    reason: options.reason ?? DEFAULT_REASON,
    preheader: preheaderOf(layout),
    ...(options.fullBriefingUrl ? { fullBriefingUrl: options.fullBriefingUrl } : {}),
  };
  const mjml = mjmlOfLayout(layout, frame);
  const html = await compileMjml(mjml);
  const text = textOfLayout(layout, {
    opening: slotMark("greeting"),
    ...(layout.collapsed > 0
      ? {
          afterTimeline: `${layout.collapsed} less important entr${layout.collapsed === 1 ? "y is" : "ies are"} left out of this email. More in the full briefing${options.fullBriefingUrl ? `: ${options.fullBriefingUrl}` : "."}`,
        }
      : {}),
    footer: [`${cleanText(frame.reason)}${slotMark("unsubscribe")}`, layout.coverage],
  });
  return {
    bytes: Buffer.byteLength(html, "utf8"),
    email: {
      subject: cleanText(options.subject ?? layout.headline),
      preheader: frame.preheader,
      mjml,
      html: splitSlots(html),
      text: splitSlots(text),
      collapsed: layout.collapsed,
    },
  };
}

/** MJML to HTML, strict: any validation error is a defect of the template and fails loudly. */
async function compileMjml(mjml: string): Promise<string> {
  const { default: mjml2html } = await import("mjml");
  try {
    const result = await mjml2html(mjml, { validationLevel: "strict", keepComments: false });
    return result.html;
  } catch (error) {
    const messages = (error as { getMessages?: () => string[] }).getMessages?.();
    throw new RenderError(
      `MJML refused the email template${messages ? `: ${messages.join("; ")}` : ""}`,
      { cause: error },
    );
  }
}

/** The lede's first sentence (or the coverage line), cut at a word near 140 characters. */
function preheaderOf(layout: BriefingLayout): string {
  const text = cleanText(layout.lede[0]?.text ?? layout.coverage);
  if (text.length <= 140) return text;
  const cut = text.slice(0, 140);
  const space = cut.lastIndexOf(" ");
  return `${(space > 80 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/u, "")}…`;
}
