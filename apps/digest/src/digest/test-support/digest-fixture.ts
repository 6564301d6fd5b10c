import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A day's news story about the Harbour Bridge works, as scraped page text with a date line. */
export function story(day: string, title: string, sentence: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const written = new Date(Date.UTC(year, month - 1, date)).toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  return `${title}\n\n${written}\n\n${sentence}\n\nMayor Ines Okafor of Riverton said the Harbour Bridge works would continue.\n`;
}

/** Options for {@link digestFixture}. */
export interface DigestFixtureOptions {
  transport: string;
  recipients: string[];
  /** Day (YYYY-MM-DD) → the articles published that day. */
  stories: Record<string, { title: string; sentence: string }[]>;
  delivery?: Record<string, number>;
  /** The store: a SQLite path or a postgres:// URL (default: the SQLite file beside it). */
  state?: string;
}

/** A folder with a corpus and a briefing.config.yaml for a 07:00 Europe/London daily digest. */
export function digestFixture(options: DigestFixtureOptions): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), "briefing-digest-"));
  mkdirSync(join(dir, "news"));
  for (const [day, stories] of Object.entries(options.stories))
    stories.forEach((s, i) => {
      writeFileSync(join(dir, "news", `${day}-${i}.txt`), story(day, s.title, s.sentence));
    });
  const delivery = {
    attempts: 4,
    backoffMs: 20,
    maxBackoffMs: 100,
    timeoutMs: 60_000,
    ...options.delivery,
  };
  const config = join(dir, "briefing.config.yaml");
  writeFileSync(
    config,
    [
      "corpus: news/",
      ...(options.state ? [`state: ${JSON.stringify(options.state)}`] : []),
      `transport: ${options.transport}`,
      "from: Riverton Desk <desk@riverton.example>",
      "secret: a-secret-of-sixteen-or-more",
      `delivery: { ${Object.entries(delivery)
        .map(([key, value]) => `${key}: ${value}`)
        .join(", ")} }`,
      "digests:",
      "  - name: riverton",
      '    schedule: "0 7 * * *"',
      "    timezone: Europe/London",
      `    recipients: [${options.recipients.map((r) => JSON.stringify(r)).join(", ")}]`,
      "    unsubscribeUrl: https://riverton.example/unsubscribe?t={token}",
    ].join("\n"),
  );
  return { dir, config };
}

/** A week of stories about one town's bridge works, and two days around the spring DST change. */
export const RIVERTON_STORIES = {
  "2026-01-09": [
    {
      title: "Bridge works begin",
      sentence: "Crews began repairing the Harbour Bridge in Riverton on Friday.",
    },
  ],
  "2026-01-10": [
    {
      title: "Bridge closed to lorries",
      sentence: "Riverton council closed the Harbour Bridge to lorries on Saturday.",
    },
  ],
  "2026-01-11": [
    { title: "Ferry added", sentence: "A ferry began crossing the harbour in Riverton on Sunday." },
  ],
  "2026-01-12": [
    {
      title: "Bridge inspection",
      sentence: "Engineers inspected the Harbour Bridge in Riverton on Monday.",
    },
  ],
  "2026-01-13": [
    {
      title: "Bridge reopens",
      sentence: "The Harbour Bridge in Riverton reopened to cars on Tuesday.",
    },
  ],
  "2026-03-28": [
    {
      title: "Bridge lights",
      sentence: "New lights were fitted on the Harbour Bridge in Riverton on Saturday.",
    },
  ],
  "2026-03-29": [
    {
      title: "Bridge run",
      sentence: "Runners crossed the Harbour Bridge in Riverton on Sunday morning.",
    },
  ],
};
