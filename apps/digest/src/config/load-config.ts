import { readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { parseOpml } from "feedsmith";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { isPostgresUrl } from "../state/open-ledger.js";
import {
  type Config,
  ConfigSchema,
  isSafeAddress,
  SECRET_FIELDS,
  SecretSchema,
  type Source,
  TransportSchema,
} from "./digest-config.js";
import { ConfigError } from "./errors.js";
import { maskCredentials } from "./redact-secrets.js";

/** Options for {@link loadConfig}: the environment values the configuration may take. */
export interface LoadConfigOptions {
  /** `SMTP_URL`: the transport when the file names none. */
  smtpUrl?: string;
  /** `BRIEFING_SECRET`: the unsubscribe-token secret when the file has none. */
  secret?: string;
}

/**
 * Reads `briefing.config.yaml` (or `.json`), validates it and resolves paths against its folder.
 *
 * @throws ConfigError listing every problem as `field: what was expected, found what`.
 */
export async function loadConfig(path: string, options: LoadConfigOptions = {}): Promise<Config> {
  const text = await readFile(path, "utf8").catch((cause: Error) => {
    throw new ConfigError(path, [`cannot read the configuration: ${cause.message}`], { cause });
  });
  let data: unknown;
  try {
    data = extname(path) === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new ConfigError(
      path,
      [`expected ${extname(path) === ".json" ? "JSON" : "YAML"}: ${(cause as Error).message}`],
      { cause },
    );
  }
  const environment = [
    ...checkEnvironment("SMTP_URL", options.smtpUrl, TransportSchema),
    ...checkEnvironment("BRIEFING_SECRET", options.secret, SecretSchema),
  ];
  const parsed = ConfigSchema.safeParse(data ?? {}, { reportInput: true });
  if (!parsed.success)
    throw new ConfigError(path, [...parsed.error.issues.map(describeIssue), ...environment]);
  if (environment.length > 0) throw new ConfigError(path, environment);
  const raw = parsed.data;
  const base = dirname(resolve(path));
  const problems: string[] = [];
  const digests = await Promise.all(
    raw.digests.map(async (d, i) => {
      const recipients = Array.isArray(d.recipients)
        ? d.recipients
        : await readRecipients(resolve(base, d.recipients), `digests.${i}.recipients`, problems);
      return { ...d, recipients };
    }),
  );
  const names = raw.digests.map((d) => d.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      problems.push(
        `digests.${i}.name: expected a name no other digest has, found "${name}" again`,
      );
  });
  const sources = await collectSources(raw.sources, raw.opml && resolve(base, raw.opml), problems);
  if (problems.length > 0) throw new ConfigError(path, problems);
  const transport = raw.transport ?? options.smtpUrl ?? "file:.briefing/outbox";
  const secret = raw.secret ?? options.secret;
  return {
    path: resolve(path),
    corpus: [raw.corpus ?? (sources.length > 0 ? [] : ["corpus"])]
      .flat()
      .map((p) => resolve(base, p)),
    sources,
    fetch: raw.fetch,
    historyDays: raw.historyDays,
    // A database URL is not a path.
    state: isPostgresUrl(raw.state) ? raw.state : resolve(base, raw.state),
    transport: transport.startsWith("file:")
      ? `file:${resolve(base, transport.slice(5))}`
      : transport,
    from: raw.from,
    ...(secret ? { secret } : {}),
    digests,
    delivery: raw.delivery,
  };
}

/** The listed sources, then the OPML file's feeds; each URL once, the first name given kept. */
async function collectSources(
  listed: readonly (string | { url: string; name?: string | undefined })[],
  opml: string | undefined,
  problems: string[],
): Promise<Source[]> {
  const sources = new Map<string, Source>();
  const add = (url: string, name: string | undefined) => {
    if (!sources.has(url)) sources.set(url, name ? { url, name } : { url });
  };
  for (const s of listed) typeof s === "string" ? add(s, undefined) : add(s.url, s.name);
  if (!opml) return [...sources.values()];
  let text: string;
  try {
    text = await readFile(opml, "utf8");
  } catch (cause) {
    problems.push(
      `opml: expected a readable OPML file, found "${opml}" (${(cause as Error).message})`,
    );
    return [...sources.values()];
  }
  let outlines: unknown[];
  try {
    outlines = (parseOpml(text) as { body?: { outlines?: unknown[] } }).body?.outlines ?? [];
  } catch (cause) {
    problems.push(`opml: expected an OPML document in ${opml}: ${(cause as Error).message}`);
    return [...sources.values()];
  }
  const before = sources.size;
  const walk = (items: unknown[]) => {
    for (const item of items as {
      xmlUrl?: unknown;
      title?: unknown;
      text?: unknown;
      outlines?: unknown[];
    }[]) {
      const url = typeof item.xmlUrl === "string" ? item.xmlUrl.trim() : "";
      if (url && /^https?:\/\//i.test(url)) {
        const name =
          typeof item.title === "string"
            ? item.title
            : typeof item.text === "string"
              ? item.text
              : undefined;
        add(url, name?.trim() || undefined);
      }
      if (Array.isArray(item.outlines)) walk(item.outlines);
    }
  };
  walk(outlines);
  if (sources.size === before && outlines.length === 0)
    problems.push(`opml: expected outlines with feed addresses (xmlUrl) in ${opml}, found none`);
  return [...sources.values()];
}

/** One address per line; blank lines and `#` comments skipped; bad lines reported by number. */
async function readRecipients(file: string, field: string, problems: string[]): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    problems.push(
      `${field}: expected a list of addresses or a readable file of them, found "${file}" (${(cause as Error).message})`,
    );
    return [];
  }
  const recipients: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const entry = line.replace(/#.*$/, "").trim();
    if (!entry) return;
    if (isSafeAddress(entry)) recipients.push(entry);
    else
      problems.push(
        `${field}: ${file} line ${i + 1}: expected an email address without control characters, found ${describeValue(entry)}`,
      );
  });
  if (recipients.length === 0 && problems.length === 0)
    problems.push(`${field}: expected at least one address in ${file}, found none`);
  return recipients;
}

/** An environment value checked as the config field it stands for, named by its variable. */
function checkEnvironment(name: string, value: string | undefined, schema: z.ZodType): string[] {
  if (value === undefined) return [];
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => describeIssue({ ...issue, path: [name] }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
  const secret = SECRET_FIELDS.has(String(issue.path.at(-1)));
  const found = !("input" in issue)
    ? "nothing"
    : secret && typeof issue.input === "string"
      ? `one of ${issue.input.length} characters`
      : describeValue(issue.input);
  if (issue.code === "unrecognized_keys")
    return `${field}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  const expected = issue.message.replace(/^Invalid input: /, "");
  return `${field}: ${expected}${/received|found/.test(expected) ? "" : `, found ${found}`}`;
}

/** A found value as an error shows it: JSON (control characters escaped), credentials masked. */
function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = maskCredentials(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
