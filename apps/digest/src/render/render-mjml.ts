import { escapeHtml, safeHref } from "./escape-html.js";
import type { BriefingLayout, Cited, LayoutEntry, LayoutSource } from "./layout-briefing.js";
import { slotMark } from "./slot-template.js";

/** What the email says around the briefing. */
export interface EmailFrame {
  /** Small line above the headline: the digest's name, or "Briefing". */
  kicker: string;
  /** Why the reader gets this email, one sentence. */
  reason: string;
  /** Text of the hidden preheader. */
  preheader: string;
  /** Where the full briefing is, offered when entries were left out. */
  fullBriefingUrl?: string;
}

/** The palette, light and dark; dark values win through `prefers-color-scheme` rules. */
const C = {
  page: "#eef0f3",
  card: "#ffffff",
  text: "#1f2328",
  muted: "#5b636e",
  accent: "#0a58b0",
  rule: "#dfe3e8",
  darkPage: "#0f1113",
  darkCard: "#1a1d21",
  darkText: "#e7e9ec",
  darkMuted: "#a3abb5",
  darkAccent: "#7ab7ff",
  darkRule: "#2e333a",
};
/** System fonts only: no web font is fetched when the email opens. */
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";
const WRAP = "overflow-wrap:anywhere;word-break:break-word;";
const MUTED = `color:${C.muted};font-size:13px;line-height:1.45;`;

/**
 * The MJML source of a briefing email: header (kicker, headline, period), the lede, each
 * storyline's timeline with dates in a narrow column that stacks on phones, citation links, the
 * claims to weigh, the key actors, numbered sources and a footer with the reason for the email and
 * an unsubscribe slot. Every piece of article text goes through `escapeHtml`, every link through
 * `safeHref`; the slots are filled per recipient after one compile.
 */
export function mjmlOfLayout(layout: BriefingLayout, frame: EmailFrame): string {
  const links = new Map(layout.sources.map((s) => [s.n, safeHref(s.url) ?? `#src-${s.n}`]));
  const cite = (c: Cited) => {
    const marks = c.notes.map(
      (n) => `<a href="${links.get(n)}" style="color:${C.accent};text-decoration:none;">[${n}]</a>`,
    );
    const refs =
      marks.length > 0
        ? ` <span class="bf-cite" style="font-size:12px;white-space:nowrap;">${marks.join("")}</span>`
        : "";
    return `${escapeHtml(c.text)}${refs}`;
  };
  const body: string[] = [header(layout, frame)];
  const lede = layout.lede.map(cite).join(" ");
  body.push(
    card(
      `${slotMark("greeting")}${lede ? `<p dir="auto" style="margin:0;${WRAP}">${lede}</p>` : ""}`,
      "8px 0 16px",
    ),
  );
  for (const storyline of layout.storylines) {
    const parts = storyline.repeatsHeadline
      ? []
      : [
          `<h2 dir="auto" style="margin:0;font-size:19px;line-height:1.3;${WRAP}">${escapeHtml(storyline.headline)}</h2>`,
        ];
    if (storyline.soFar.length > 0)
      parts.push(
        `<p dir="auto" class="bf-muted" style="margin:${parts.length === 0 ? 0 : 8}px 0 0;${MUTED}${WRAP}"><strong>So far:</strong> ${storyline.soFar.map(cite).join(" ")}</p>`,
      );
    for (const section of storyline.sections) {
      parts.push(
        `<h3 class="bf-muted" style="margin:${parts.length === 0 ? 0 : 18}px 0 8px;${MUTED}font-weight:600;letter-spacing:.06em;text-transform:uppercase;">${escapeHtml(section.label)}</h3>`,
      );
      section.entries.forEach((entry, i) => {
        parts.push(entryTable(entry, cite, entry.when === section.entries[i - 1]?.when));
      });
    }
    if (storyline.omitted > 0)
      parts.push(
        `<p class="bf-muted" style="margin:8px 0 0;${MUTED}">${storyline.omitted} further single-source statement${storyline.omitted === 1 ? "" : "s"} left out.</p>`,
      );
    body.push(card(parts.join(""), "20px 0 8px", true));
  }
  if (layout.collapsed > 0) body.push(collapsedNote(layout.collapsed, frame.fullBriefingUrl));
  if (layout.background.length > 0) {
    const items = layout.background.map(
      (b) => `<li dir="auto" style="margin:0 0 6px;">${cite(b)}</li>`,
    );
    body.push(
      titled("Background", `<ul style="margin:0;padding-left:20px;${WRAP}">${items.join("")}</ul>`),
    );
  }
  if (layout.claims.length > 0 || layout.singleSourceNote) {
    const items = layout.claims.map(
      (c) =>
        `<li dir="auto" style="margin:0 0 6px;"><strong>${escapeHtml(c.label)}</strong>, ${escapeHtml(c.when)}: ${cite(c)}</li>`,
    );
    if (layout.moreClaims > 0)
      items.push(`<li style="margin:0;">… and ${layout.moreClaims} more.</li>`);
    const list =
      items.length > 0
        ? `<ul style="margin:0 0 6px;padding-left:20px;${WRAP}">${items.join("")}</ul>`
        : "";
    const note = layout.singleSourceNote
      ? `<p style="margin:0;">${escapeHtml(layout.singleSourceNote)}</p>`
      : "";
    body.push(titled("Single-source and disputed", list + note));
  }
  if (layout.actors.length > 0) {
    const actors = layout.actors.map((a) => {
      const aliases =
        a.aliases.length > 0
          ? ` <span class="bf-muted" style="color:${C.muted};">(also ${a.aliases.map(escapeHtml).join(", ")})</span>`
          : "";
      return `<strong>${escapeHtml(a.name)}</strong>${aliases}`;
    });
    body.push(
      titled("Key actors", `<p dir="auto" style="margin:0;${WRAP}">${actors.join(" · ")}</p>`),
    );
  }
  // The list's type and wrapping are set once on it (inherited), not on each of many sources.
  body.push(
    titled(
      "Sources",
      `<div style="font-size:14px;${WRAP}">${layout.sources.map(sourceItem).join("")}</div>`,
    ),
  );
  body.push(footer(layout, frame));
  return [
    `<mjml lang="en" dir="auto">`,
    `<mj-head>`,
    `<mj-title>${escapeHtml(layout.headline)}</mj-title>`,
    `<mj-preview>${escapeHtml(frame.preheader)}</mj-preview>`,
    `<mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>`,
    `<mj-breakpoint width="480px" />`,
    `<mj-attributes><mj-all font-family="${FONT}" /><mj-text color="${C.text}" font-size="15px" line-height="1.55" padding="0 24px" css-class="bf-text" /><mj-section background-color="${C.card}" css-class="bf-card" padding="0" /><mj-column padding="0" /></mj-attributes>`,
    `<mj-style>${STYLE}</mj-style>`,
    `</mj-head>`,
    `<mj-body background-color="${C.page}" width="600px" css-class="bf-body">`,
    ...body,
    `</mj-body>`,
    `</mjml>`,
  ].join("\n");
}

const STYLE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
.bf-text a { color: ${C.accent}; }
@media only screen and (max-width: 480px) {
  .bf-when, .bf-what { display: block !important; width: 100% !important; padding: 0 !important; }
  .bf-when p { display: inline !important; margin-right: 6px !important; }
}
@media (prefers-color-scheme: dark) {
  body, .bf-body { background-color: ${C.darkPage} !important; }
  .bf-card, .bf-card > table { background-color: ${C.darkCard} !important; }
  .bf-text > div, .bf-text p, .bf-text li, .bf-text h1, .bf-text h2, .bf-text strong { color: ${C.darkText} !important; }
  .bf-text .bf-muted, .bf-text h3.bf-muted { color: ${C.darkMuted} !important; }
  .bf-text a, .bf-text a.bf-cite, .bf-text .bf-kicker { color: ${C.darkAccent} !important; }
  .bf-rule, .bf-rule td { border-color: ${C.darkRule} !important; }
}`;

function card(content: string, padding: string, rule = false): string {
  const border = rule ? ` border-top="1px solid ${C.rule}"` : "";
  return `<mj-section padding="${padding}"${border}${rule ? ' css-class="bf-card bf-rule"' : ""}><mj-column><mj-text>${content}</mj-text></mj-column></mj-section>`;
}

function titled(title: string, content: string): string {
  return card(
    `<h2 style="margin:0 0 8px;font-size:17px;line-height:1.3;">${escapeHtml(title)}</h2>${content}`,
    "18px 0 6px",
    true,
  );
}

function header(layout: BriefingLayout, frame: EmailFrame): string {
  const period = layout.period
    ? `Events ${escapeHtml(layout.period.from)} to ${escapeHtml(layout.period.to)} · `
    : "";
  const count = `${layout.articleCount} article${layout.articleCount === 1 ? "" : "s"}`;
  return card(
    [
      `<p class="bf-kicker" style="margin:0 0 6px;font-size:12px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:${C.accent};">${escapeHtml(frame.kicker)}</p>`,
      `<h1 dir="auto" style="margin:0 0 6px;font-size:25px;line-height:1.25;font-weight:700;${WRAP}">${escapeHtml(layout.headline)}</h1>`,
      `<p class="bf-muted" style="margin:0;${MUTED}">${period}${count}</p>`,
    ].join(""),
    "28px 0 8px",
  );
}

/**
 * One timeline entry as a two-cell table: the date in a narrow cell, the report beside it. On a
 * phone the cells stack (see STYLE); a fixed layout keeps a giant word from widening the table.
 * An entry on the same day as the one before it does not repeat the date.
 */
function entryTable(e: LayoutEntry, cite: (c: Cited) => string, sameDay: boolean): string {
  const details = [
    e.dateBasis
      ? `<p class="bf-muted" style="margin:2px 0 0;${MUTED}">Dated ${escapeHtml(e.dateBasis)}</p>`
      : "",
    ...e.disputes.map(
      (d) =>
        `<p dir="auto" style="margin:4px 0 0;font-size:14px;"><strong>Disputed ${escapeHtml(d.about)}:</strong> ${d.claims.map(cite).join(" vs ")}</p>`,
    ),
  ].join("");
  return [
    `<table role="presentation" class="bf-entry" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;table-layout:fixed;border-collapse:collapse;margin:0 0 14px;"><tr>`,
    `<td class="bf-when" width="30%" valign="top" style="width:30%;vertical-align:top;padding:0 12px 0 0;">${sameDay ? "" : `<p style="margin:0;font-size:14px;font-weight:700;line-height:1.4;">${escapeHtml(e.when)}</p>`}<p class="bf-muted" style="margin:0;${MUTED}">${escapeHtml(e.sources)}</p></td>`,
    `<td class="bf-what" valign="top" style="vertical-align:top;${WRAP}"><p dir="auto" style="margin:0;">${cite(e)}</p>${details}</td>`,
    `</tr></table>`,
  ].join("");
}

function collapsedNote(collapsed: number, url: string | undefined): string {
  const href = safeHref(url);
  const more = href
    ? `<a href="${href}" style="color:${C.accent};">More in the full briefing</a>.`
    : "More in the full briefing (<code>briefing brief</code>).";
  return card(
    `<p class="bf-muted" style="margin:0;${MUTED}">${collapsed} less important entr${collapsed === 1 ? "y is" : "ies are"} left out to keep this email within the size mail clients show in full. ${more}</p>`,
    "10px 0",
  );
}

function sourceItem(s: LayoutSource): string {
  const href = safeHref(s.url);
  const what = [
    s.publisher ? `<strong>${escapeHtml(s.publisher)}</strong>` : "",
    `“${escapeHtml(s.title)}”`,
    escapeHtml(s.date),
  ]
    .filter(Boolean)
    .join(", ");
  const where = href
    ? ` <a href="${href}" style="color:${C.accent};${WRAP}">${escapeHtml(hostOf(s.url as string))}</a>`
    : ` <span class="bf-muted" style="color:${C.muted};">${escapeHtml(shortPath(s.path ?? s.articleId))}</span>`;
  return `<p id="src-${s.n}" dir="auto" style="margin:0 0 6px;">[${s.n}] ${what}.${where}</p>`;
}

/** A file's folder and name: enough to tell it in an email, where the full path means nothing. */
function shortPath(path: string): string {
  return path.split("/").slice(-2).join("/");
}

function footer(layout: BriefingLayout, frame: EmailFrame): string {
  return card(
    `<p class="bf-muted" style="margin:0;${MUTED}">${escapeHtml(frame.reason)} ${slotMark("unsubscribe")}</p><p class="bf-muted" style="margin:6px 0 0;${MUTED}">${escapeHtml(layout.coverage)}</p>`,
    "16px 0 28px",
    true,
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
