import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Config } from "../config/digest-config.js";
import type { DigestStore } from "../state/digest-store.js";
import { verifyUnsubscribeToken } from "../unsubscribe/unsubscribe-token.js";
import { archivePage, confirmPage, donePage, errorPage } from "./server-pages.js";
import {
  DEFAULT_UNSUBSCRIBE_ROUTE,
  type UnsubscribeRoute,
  unsubscribeRoute,
} from "./unsubscribe-route.js";

/** What `serve` answers from. */
export interface ServeAppOptions {
  config: Config & { secret: string };
  ledger: DigestStore;
  clock: () => Date;
  /** Told of each unsubscription recorded (a line for the operator's log). */
  onUnsubscribe?: (digest: string, address: string) => void;
}

/** Pages hold no script and load nothing; the token in the URL is not passed on. */
const PAGE_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/** An archived issue is the email's HTML: inline styles and web images, no script. */
const ISSUE_HEADERS = {
  ...PAGE_HEADERS,
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'; base-uri 'none'",
  "Cache-Control": "public, max-age=300",
};

/**
 * The web side of the digests: RFC 8058 one-click unsubscribes at the path of each digest's
 * `unsubscribeUrl` (a POST with `List-Unsubscribe=One-Click` unsubscribes; a GET only shows a
 * page whose button POSTs), and the archive of each digest's past issues at `/digests/<name>/`.
 */
export function createServeApp(options: ServeAppOptions): Hono {
  const { config, ledger } = options;
  const app = new Hono();
  const html = (c: Context, status: 200 | 400 | 403 | 404, body: string, headers = PAGE_HEADERS) =>
    c.html(body, status, headers);

  const routes = new Map<string, UnsubscribeRoute>();
  for (const digest of config.digests) {
    const route = digest.unsubscribeUrl
      ? unsubscribeRoute(digest.unsubscribeUrl)
      : DEFAULT_UNSUBSCRIBE_ROUTE;
    routes.set(`${route.path}?${route.queryParam ?? ""}`, route);
  }
  for (const route of routes.values()) {
    const tokenOf = (c: Context) =>
      route.queryParam ? c.req.query(route.queryParam) : c.req.param("token");
    app.get(route.path, (c) => {
      const token = tokenOf(c);
      if (!token) return html(c, 400, errorPage("Bad request", "This link has no token."));
      const claim = verifyUnsubscribeToken(config.secret, token);
      if (!claim)
        return html(c, 403, errorPage("Invalid link", "This unsubscribe link is not valid."));
      return html(c, 200, confirmPage(claim.digest, claim.address));
    });
    app.post(route.path, bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
      const token = tokenOf(c);
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      if (!token || body["List-Unsubscribe"] !== "One-Click")
        return html(
          c,
          400,
          errorPage("Bad request", "Expected a token and the body List-Unsubscribe=One-Click."),
        );
      const claim = verifyUnsubscribeToken(config.secret, token);
      if (!claim)
        return html(c, 403, errorPage("Invalid link", "This unsubscribe link is not valid."));
      if (
        await ledger.unsubscribe(
          claim.digest,
          claim.address,
          options.clock().toISOString(),
          "one-click",
        )
      )
        options.onUnsubscribe?.(claim.digest, claim.address);
      return html(c, 200, donePage(claim.digest, claim.address));
    });
  }

  const names = new Set(config.digests.map((d) => d.name));
  app.get("/digests/:name", (c) =>
    c.redirect(`/digests/${encodeURIComponent(c.req.param("name"))}/`, 301),
  );
  app.get("/digests/:name/", async (c) => {
    const name = c.req.param("name");
    if (!names.has(name)) return html(c, 404, errorPage("Not found", "No such digest."));
    return html(c, 200, archivePage(name, await ledger.issues(name)));
  });
  app.get("/digests/:name/:run{[0-9]+}", async (c) => {
    const issue = names.has(c.req.param("name"))
      ? await ledger.issue(c.req.param("name"), Number(c.req.param("run")))
      : undefined;
    if (!issue) return html(c, 404, errorPage("Not found", "No such issue."));
    return html(c, 200, issue.html, ISSUE_HEADERS);
  });
  app.notFound((c) => html(c, 404, errorPage("Not found", "Nothing is served here.")));
  return app;
}
