import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import { loadConfig } from "./load-config.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "briefing-config-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function problemsOf(path: string): Promise<string[]> {
  try {
    await loadConfig(path);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("reads YAML, fills defaults and resolves paths against the file's folder", async () => {
    await write("readers.txt", "# the desk\nana@example.org\n\nBo Li <bo@example.org>\n");
    const path = await write(
      "briefing.config.yaml",
      [
        "corpus: [news/, feeds/world.xml]",
        "from: Briefing <briefing@example.org>",
        "digests:",
        "  - name: valley-daily",
        "    topic: Panjshir",
        '    schedule: "0 7 * * *"',
        "    timezone: Europe/London",
        "    recipients: readers.txt",
        "    unsubscribeUrl: https://example.org/u?t={token}",
      ].join("\n"),
    );
    const config = await loadConfig(path, { smtpUrl: "smtp://mail.example.org:587" });
    expect(config.corpus).toEqual([join(dir, "news"), join(dir, "feeds/world.xml")]);
    expect(config.state).toBe(join(dir, ".briefing/state.db"));
    expect(config.transport).toBe("smtp://mail.example.org:587");
    expect(config.digests[0]).toMatchObject({
      name: "valley-daily",
      subject: "{headline}",
      recipients: ["ana@example.org", "Bo Li <bo@example.org>"],
    });
    const noSmtp = await loadConfig(path);
    expect(noSmtp.transport).toBe(`file:${join(dir, ".briefing/outbox")}`);
  });

  it("reads sources as URLs or { url, name }, adds an OPML export's feeds once, and needs no corpus", async () => {
    await write(
      "reader.opml",
      `<?xml version="1.0"?><opml version="2.0"><head><title>Reader</title></head><body>
<outline text="World"><outline text="Wire" title="The Wire" type="rss" xmlUrl="https://wire.example/rss"/>
<outline text="Again" type="rss" xmlUrl="https://news.example/feed.xml"/></outline>
<outline text="A folder with no feed"/></body></opml>`,
    );
    const path = await write(
      "sources.yaml",
      [
        "sources:",
        "  - https://news.example/feed.xml",
        "  - { url: https://port.example/atom, name: Port Gazette }",
        "opml: reader.opml",
        "fetch: { contact: desk@example.org, intervalMinutes: 30 }",
        "from: desk@example.org",
        "digests: [{ name: world, schedule: '0 7 * * *', recipients: [ana@example.org] }]",
      ].join("\n"),
    );
    const config = await loadConfig(path);
    expect(config.sources).toEqual([
      { url: "https://news.example/feed.xml" },
      { url: "https://port.example/atom", name: "Port Gazette" },
      { url: "https://wire.example/rss", name: "The Wire" },
    ]);
    expect(config.corpus).toEqual([]);
    expect(config.historyDays).toBe(30);
    expect(config.fetch).toMatchObject({
      contact: "desk@example.org",
      intervalMinutes: 30,
      perHost: 2,
    });
    const bad = await write(
      "bad-sources.yaml",
      [
        "sources: [ftp://old.example/feed, { url: https://ok.example, title: x }]",
        "opml: missing.opml",
        "from: desk@example.org",
        "digests: [{ name: world, schedule: '0 7 * * *', recipients: [ana@example.org] }]",
      ].join("\n"),
    );
    const problems = await problemsOf(bad);
    expect(problems.join("\n")).toContain(
      'sources.0: expected an http(s) URL such as https://example.org/feed.xml, found "ftp://old.example/feed"',
    );
    expect(problems.join("\n")).toContain('sources.1: unknown field "title"');
  });

  it("reads JSON too", async () => {
    const path = await write(
      "briefing.config.json",
      JSON.stringify({
        from: "b@example.org",
        transport: "file:out",
        digests: [{ name: "d", schedule: "0 * * * *", recipients: ["a@example.org"] }],
      }),
    );
    const config = await loadConfig(path);
    expect(config.transport).toBe(`file:${join(dir, "out")}`);
    expect(config.digests[0]?.timezone).toBe("UTC");
  });

  it("names every bad field, what was expected and what was found", async () => {
    const path = await write(
      "bad.yaml",
      [
        "from: nobody",
        "transport: ftp://files.example.org",
        "colour: blue",
        "digests:",
        "  - name: daily",
        '    schedule: "every morning"',
        "    timezone: Mars/Olympus",
        "    recipients: [ana@example.org, not-an-address]",
        "    unsubscribeUrl: https://example.org/u",
        "    maxEvents: -3",
      ].join("\n"),
    );
    const problems = await problemsOf(path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'from: expected an email address such as ana@example.org or Ana <ana@example.org>, found "nobody"',
        'transport: expected smtp://host[:port], smtps://user:password@host or file:DIR, found "ftp://files.example.org"',
        '(top level): unknown field "colour"',
        'digests.0.schedule: expected a cron schedule such as "0 7 * * *" (minute hour day month weekday), found "every morning"',
        'digests.0.timezone: expected an IANA time zone such as Europe/London, found "Mars/Olympus"',
        'digests.0.recipients.1: expected an email address such as ana@example.org or Ana <ana@example.org>, found "not-an-address"',
        'digests.0.unsubscribeUrl: expected an http(s) URL template containing {token}, found "https://example.org/u"',
      ]),
    );
    expect(problems.some((p) => p.startsWith("digests.0.maxEvents: ") && p.includes("-3"))).toBe(
      true,
    );
  });

  it("reports a missing file, bad YAML, duplicate names and bad lines of a recipients file", async () => {
    await expect(loadConfig(join(dir, "missing.yaml"))).rejects.toThrow(
      /missing\.yaml: cannot read the configuration/,
    );
    await expect(loadConfig(await write("broken.yaml", "digests: [\n"))).rejects.toThrow(
      /broken\.yaml: expected YAML/,
    );
    await write("some.txt", "ana@example.org\nnonsense\n");
    const path = await write(
      "dup.yaml",
      [
        "from: b@example.org",
        "digests:",
        ...["a", "a"].flatMap((n) => [
          `  - name: ${n}`,
          '    schedule: "0 7 * * *"',
          "    recipients: some.txt",
        ]),
      ].join("\n"),
    );
    const problems = await problemsOf(path);
    expect(problems).toContain(
      `digests.0.recipients: ${join(dir, "some.txt")} line 2: expected an email address without control characters, found "nonsense"`,
    );
    expect(problems).toContain(
      'digests.1.name: expected a name no other digest has, found "a" again',
    );
  });
});

describe("loadConfig and secrets", () => {
  const base = [
    "from: Desk <desk@example.org>",
    "digests:",
    "  - name: daily",
    '    schedule: "0 7 * * *"',
    "    recipients: [ana@example.org]",
  ];

  it("never echoes a secret or a URL's password in its errors", async () => {
    const path = await write(
      "secrets.yaml",
      [...base, "transport: smtpx://user:SuperSecretPass123@127.0.0.1:1", "secret: short"].join(
        "\n",
      ),
    );
    const problems = await problemsOf(path);
    expect(problems).toEqual([
      'transport: expected smtp://host[:port], smtps://user:password@host or file:DIR, found "smtpx://user:***@127.0.0.1:1"',
      "secret: expected a secret of at least 16 characters, found one of 5 characters",
    ]);
    expect(problems.join("\n")).not.toMatch(/SuperSecretPass123|short/);
  });

  it("validates SMTP_URL and BRIEFING_SECRET like the fields they stand for", async () => {
    const path = await write("env.yaml", base.join("\n"));
    const error = await loadConfig(path, {
      smtpUrl: "smtpx://user:EnvPassword99@mail.example.org",
      secret: "tooshort",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SMTP_URL: expected smtp://host[:port], smtps://user:password@host or file:DIR, found "smtpx://user:***@mail.example.org"',
      "BRIEFING_SECRET: expected a secret of at least 16 characters, found one of 8 characters",
    ]);
    expect((error as ConfigError).message).not.toMatch(/EnvPassword99|tooshort/);
  });

  it("refuses names and addresses holding CR, LF or other control characters", async () => {
    const path = await write(
      "headers.json",
      JSON.stringify({
        from: "Desk\r\nBcc: victim@example.org <desk@example.org>",
        digests: [
          {
            name: "daily",
            schedule: "0 7 * * *",
            recipients: ["Ana\nX-Injected: 1 <ana@example.org>", "bo@example.org"],
          },
        ],
      }),
    );
    expect(await problemsOf(path)).toEqual([
      'from: expected an address without control characters (CR, LF, tab, …), found "Desk\\r\\nBcc: victim@example.org <desk@example.org>"',
      'digests.0.recipients.0: expected an address without control characters (CR, LF, tab, …), found "Ana\\nX-Injected: 1 <ana@example.org>"',
    ]);
  });
});
