/** Where `serve` finds tokens: the path of a digest's `unsubscribeUrl` and where `{token}` sits. */
export interface UnsubscribeRoute {
  /** A Hono path, with `:token` when the token is a path segment. */
  path: string;
  /** The query parameter that holds the token, when it is in the query. */
  queryParam?: string;
}

/** The route when no digest names an unsubscribe URL. */
export const DEFAULT_UNSUBSCRIBE_ROUTE: UnsubscribeRoute = {
  path: "/unsubscribe",
  queryParam: "t",
};

/**
 * The route of an `unsubscribeUrl` template (`https://news.example/unsubscribe?t={token}`, or
 * `…/u/{token}`): the path a reverse proxy forwards to `serve`, and where the token is read from.
 * `{digest}` and `{email}` may appear too; the token alone says whom it unsubscribes.
 */
export function unsubscribeRoute(template: string): UnsubscribeRoute {
  const url = new URL(
    template
      .replaceAll("{token}", "__token__")
      .replaceAll("{digest}", "__digest__")
      .replaceAll("{email}", "__email__"),
  );
  const segments = url.pathname.split("/").map((segment) => {
    if (segment === "__token__") return ":token";
    if (segment === "__digest__") return ":digest";
    if (segment === "__email__") return ":email";
    return decodeURIComponent(segment);
  });
  const path = segments.join("/") || "/";
  for (const [name, value] of url.searchParams)
    if (value === "__token__") return { path, queryParam: name };
  return { path };
}
