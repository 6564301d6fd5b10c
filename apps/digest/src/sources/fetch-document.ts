import { decodeText } from "@briefing/core/ingest";

/** What a conditional GET remembers of the last answer. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Options of {@link fetchDocument}. */
export interface FetchDocumentOptions extends Validators {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/** The outcome of one fetch: a document, "not modified", or why there is none. */
export type FetchedDocument =
  | {
      kind: "document";
      /** The address after redirects. */
      url: string;
      text: string;
      contentType: string;
      validators: Validators;
    }
  | { kind: "not-modified"; url: string }
  | { kind: "failed"; reason: string; status?: number };

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

/**
 * Fetches one document with Node's fetch: a conditional GET (If-None-Match, If-Modified-Since),
 * compression as the server offers it, redirects followed up to a bound and never in a loop, the
 * whole exchange within a timeout and the body within a size cap. Never throws: a failure is
 * returned with its reason.
 */
export async function fetchDocument(
  address: string,
  options: FetchDocumentOptions,
): Promise<FetchedDocument> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const seen = new Set<string>();
  // fetch refuses credentials in a URL: they go in an Authorization header, to their origin only.
  const { url: start, origin, authorization } = withoutCredentials(address);
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(url);
      const response = await fetch(url, {
        redirect: "manual",
        signal,
        headers: {
          "user-agent": options.userAgent,
          accept: ACCEPT,
          ...(authorization && originOf(url) === origin ? { authorization } : {}),
          ...(options.etag ? { "if-none-match": options.etag } : {}),
          ...(options.lastModified ? { "if-modified-since": options.lastModified } : {}),
        },
      });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location)
          return failed(`HTTP ${response.status} without a Location header`, response.status);
        const next = new URL(location, url).toString();
        if (seen.has(next)) return failed(`a redirect loop (${next} again)`, response.status);
        if (redirects >= options.maxRedirects)
          return failed(`more than ${options.maxRedirects} redirects`, response.status);
        if (!/^https?:$/.test(new URL(next).protocol))
          return failed(
            `a redirect to ${new URL(next).protocol} (only http and https are fetched)`,
          );
        url = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: "not-modified", url };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return failed(`HTTP ${response.status} ${response.statusText}`.trim(), response.status);
      }
      const body = await readCapped(response, options.maxBytes);
      if (body.kind === "failed") return body;
      const contentType = response.headers.get("content-type") ?? "";
      const text = decode(body.bytes, contentType);
      if (text === null) return failed(`a binary body (${contentType || "no content type"})`);
      const etag = response.headers.get("etag");
      const lastModified = response.headers.get("last-modified");
      return {
        kind: "document",
        url,
        text,
        contentType,
        validators: {
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        },
      };
    }
  } catch (error) {
    if (signal.aborted) return failed(`no complete answer within ${options.timeoutMs} ms`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return failed(cause?.code ?? cause?.message ?? (error as Error).message);
  }
}

function withoutCredentials(address: string): {
  url: string;
  origin?: string;
  authorization?: string;
} {
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return { url: address };
  }
  if (!parsed.username && !parsed.password) return { url: address };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  return {
    url: parsed.toString(),
    origin: parsed.origin,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
  };
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function failed(reason: string, status?: number): FetchedDocument {
  return status === undefined ? { kind: "failed", reason } : { kind: "failed", reason, status };
}

/** The body, read chunk by chunk and given up as soon as it passes the cap. */
async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ kind: "bytes"; bytes: Uint8Array } | { kind: "failed"; reason: string }> {
  const declared = Number(response.headers.get("content-length"));
  const tooLarge = `a body larger than ${maxBytes} bytes`;
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return { kind: "failed", reason: tooLarge };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel().catch(() => {});
      return { kind: "failed", reason: tooLarge };
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: "bytes", bytes };
}

/** Text in the declared charset when the runtime knows it, else as files are decoded. */
function decode(bytes: Uint8Array, contentType: string): string | null {
  const charset = /charset="?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: decoded as files are.
    }
  }
  const decoded = decodeText(bytes);
  return decoded.kind === "text" ? decoded.text : null;
}
