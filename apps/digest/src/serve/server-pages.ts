import { escapeHtml } from "../render/escape-html.js";

/**
 * The pages `serve` answers with: small, self-contained HTML (no script, no outside resource),
 * every value escaped.
 */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
  button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: 6px; background: #0a58b0; color: #fff; cursor: pointer; }
  a { color: #0a58b0; }
  li { margin: .3rem 0; }
  @media (prefers-color-scheme: dark) { body { background: #121212; color: #eee; } a { color: #7ab4ff; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The confirmation a GET of an unsubscribe link shows: a GET never unsubscribes (mail scanners
 * follow links); the button POSTs the RFC 8058 body to the same URL.
 */
export function confirmPage(digest: string, address: string): string {
  return page(
    `Unsubscribe from ${digest}`,
    `<h1>Unsubscribe from “${escapeHtml(digest)}”?</h1>
<p>${escapeHtml(address)} will no longer receive this digest.</p>
<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
  );
}

/** What a POST that unsubscribed answers (also when it was already recorded). */
export function donePage(digest: string, address: string): string {
  return page(
    "Unsubscribed",
    `<h1 id="done">You are unsubscribed</h1>
<p>${escapeHtml(address)} will no longer receive “${escapeHtml(digest)}”.</p>`,
  );
}

/** A refusal: a forged or altered token, a malformed request, nothing here. */
export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** The archive of a digest: its past issues, newest first. */
export function archivePage(
  digest: string,
  issues: readonly { runId: number; periodEnd: string; subject: string }[],
): string {
  const items = issues
    .map(
      (issue) =>
        `<li><a href="${issue.runId}">${escapeHtml(issue.subject)}</a> <small>${escapeHtml(issue.periodEnd.slice(0, 10))}</small></li>`,
    )
    .join("\n");
  return page(
    `${digest}: past issues`,
    `<h1>“${escapeHtml(digest)}”: past issues</h1>
${issues.length === 0 ? "<p>No issue has been sent yet.</p>" : `<ol reversed>\n${items}\n</ol>`}`,
  );
}
