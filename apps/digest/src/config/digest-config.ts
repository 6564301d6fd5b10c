import { Cron } from "croner";
import { z } from "zod";

/** An address as mail headers write it: `ana@example.org` or `Ana Lima <ana@example.org>`. */
export const ADDRESS = /^(?:[^<>]*<\s*)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+(?:\s*>)?$/;

/**
 * CR, LF and the other control characters: in a header they would end it and start another (a
 * forged header), in a log line they would forge lines.
 */
export const CONTROL_CHARACTER = /\p{Cc}/u;

/** Whether a recipient or sender is an address a header can hold safely. */
export function isSafeAddress(value: string): boolean {
  return ADDRESS.test(value) && !CONTROL_CHARACTER.test(value);
}

const address = z
  .string()
  .refine((value) => !CONTROL_CHARACTER.test(value), {
    error: "expected an address without control characters (CR, LF, tab, …)",
  })
  .transform((value) => value.trim())
  .pipe(
    z.string().regex(ADDRESS, {
      error: "expected an email address such as ana@example.org or Ana <ana@example.org>",
    }),
  );

/** The secret that signs unsubscribe tokens: also `BRIEFING_SECRET`. */
export const SecretSchema = z
  .string()
  .min(16, { error: "expected a secret of at least 16 characters" });

/** Fields whose values are never echoed in an error. */
export const SECRET_FIELDS = new Set(["secret", "BRIEFING_SECRET"]);

const cron = z.string().refine(
  (pattern) => {
    try {
      new Cron(pattern, { paused: true });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected a cron schedule such as "0 7 * * *" (minute hour day month weekday)' },
);

const timezone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: "expected an IANA time zone such as Europe/London" },
);

/** A transport: `smtp://`, `smtps://` (credentials allowed) or `file:DIR` (writes .eml files). */
export const TransportSchema = z
  .string()
  .refine((url) => /^(smtps?:\/\/[^\s]+|file:.+)$/.test(url), {
    error: "expected smtp://host[:port], smtps://user:password@host or file:DIR",
  });

export const DigestSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, {
    error: "expected a name of letters, digits, '.', '_' or '-'",
  }),
  topic: z.string().min(1).optional(),
  schedule: cron,
  timezone: timezone.default("UTC"),
  /** Addresses, or the path of a file with one address per line. */
  recipients: z.union([
    z.array(address).min(1, { error: "expected at least one recipient" }),
    z.string().min(1),
  ]),
  /** `{headline}`, `{digest}` and `{date}` are filled in. Default: the headline. */
  subject: z.string().min(1).default("{headline}"),
  /** Must contain `{token}`, the recipient's unsubscribe token; `{digest}` and `{email}` also work. */
  unsubscribeUrl: z
    .string()
    .refine((u) => u.includes("{token}") && /^https?:\/\//.test(u), {
      error: "expected an http(s) URL template containing {token}",
    })
    .optional(),
  maxEvents: z.number().int().positive().optional(),
});

/** How long a digest's lock lasts without a heartbeat: a crashed holder loses it after this. */
export const DEFAULT_LEASE_MS = 120_000;

/** How hard to try: attempts per recipient in one run, backoff, SMTP timeouts. */
export const DeliverySchema = z.strictObject({
  attempts: z.number().int().min(1).max(20).default(5),
  backoffMs: z.number().int().min(0).default(2000),
  maxBackoffMs: z.number().int().min(0).default(60_000),
  timeoutMs: z.number().int().min(100).default(30_000),
  /** The digest lock's lease; its holder renews it every quarter of it while it runs. */
  leaseMs: z.number().int().min(1000).default(DEFAULT_LEASE_MS),
  /** Consecutive connection failures after which a run stops, leaving the rest pending. */
  maxConnectionFailures: z.number().int().min(1).default(3),
  /** With a PostgreSQL store: recipients per `send-batch` job that workers take. */
  batchSize: z.number().int().min(1).max(10_000).default(500),
  /**
   * With a PostgreSQL store: how long a worker may hold a batch before another takes it over (a
   * worker killed mid-batch loses nothing; at most the message in flight is sent again).
   */
  batchTimeoutSeconds: z.number().int().min(2).default(600),
  /**
   * At most this many messages a second through the transport, shared by every process and
   * machine on the same store (the `run-due` of each digest, every worker). Default: no limit.
   */
  maxPerSecond: z.number().positive().max(100_000).optional(),
});

const httpUrl = z.string().refine(
  (url) => {
    try {
      return ["http:", "https:"].includes(new URL(url).protocol);
    } catch {
      return false;
    }
  },
  { error: "expected an http(s) URL such as https://example.org/feed.xml" },
);

/** A feed (RSS, Atom, JSON Feed) or article page to fetch: a URL, or `{ url, name }`. */
export const SourceSchema = z.union([
  httpUrl,
  z.strictObject({ url: httpUrl, name: z.string().min(1).optional() }),
]);

/** How sources are fetched: politely, within limits. */
export const FetchSchema = z.strictObject({
  /** Who to contact about the fetcher, named in its User-Agent: an address or a URL. */
  contact: z.string().min(3).optional(),
  timeoutMs: z.number().int().min(100).default(20_000),
  /** Bodies larger than this (after decompression) are refused. */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Requests at a time to one host. */
  perHost: z.number().int().min(1).max(16).default(2),
  /** A source is fetched again only after this many minutes. */
  intervalMinutes: z.number().min(0).default(15),
});

export const ConfigSchema = z.strictObject({
  /** Files and folders of articles; default `corpus` when there are no sources. */
  corpus: z.union([z.string(), z.array(z.string())]).optional(),
  /** Feeds and pages to fetch into the article store. */
  sources: z.array(SourceSchema).default([]),
  /** A feed reader's OPML export: its feeds are sources too. */
  opml: z.string().min(1).optional(),
  fetch: FetchSchema.default({
    timeoutMs: 20_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    perHost: 2,
    intervalMinutes: 15,
  }),
  /** Days of stored articles a digest reads for its storylines' history. */
  historyDays: z.number().int().min(1).max(3650).default(30),
  state: z.string().min(1).default(".briefing/state.db"),
  transport: TransportSchema.optional(),
  from: address,
  /** Secret for unsubscribe tokens; also `BRIEFING_SECRET`. */
  secret: SecretSchema.optional(),
  digests: z.array(DigestSchema).min(1, { error: "expected at least one digest" }),
  delivery: DeliverySchema.default({
    attempts: 5,
    backoffMs: 2000,
    maxBackoffMs: 60_000,
    timeoutMs: 30_000,
    leaseMs: DEFAULT_LEASE_MS,
    maxConnectionFailures: 3,
    batchSize: 500,
    batchTimeoutSeconds: 600,
  }),
});

export type DigestConfig = z.infer<typeof DigestSchema>;

/** A source to fetch, with the name it is shown by. */
export interface Source {
  url: string;
  name?: string;
}

/** A validated configuration with every path made absolute and recipients read. */
export interface Config {
  /** The file it was read from. */
  path: string;
  corpus: string[];
  /** The listed sources and those of the OPML file, each URL once. */
  sources: Source[];
  fetch: z.infer<typeof FetchSchema>;
  historyDays: number;
  state: string;
  transport: string;
  from: string;
  secret?: string;
  digests: (Omit<DigestConfig, "recipients"> & { recipients: string[] })[];
  delivery: z.infer<typeof DeliverySchema>;
}
