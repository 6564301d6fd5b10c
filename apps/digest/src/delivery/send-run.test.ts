import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { CompiledEmail } from "../render/compile-email.js";
import { Ledger } from "../state/ledger.js";
import { createMailer } from "./create-mailer.js";
import type { DigestEvent } from "./digest-event.js";
import { type SendRunContext, sendRun } from "./send-run.js";

const EMAIL: CompiledEmail = {
  subject: "Riverton: repairs",
  preheader: "",
  mjml: "",
  html: { parts: ["<p>The quay reopens.</p>"], slots: [] },
  text: { parts: ["The quay reopens."], slots: [] },
  collapsed: 0,
};

describe("sendRun", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("gives back a claim grown old before its turn and claims it again: everyone once, one attempt each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "briefing-send-run-"));
    dirs.push(dir);
    const ledger = new Ledger(join(dir, "state.db"));
    const recipients = Array.from({ length: 120 }, (_, i) => `r${i}@riverton.example`);
    const run = await ledger.createRun({
      digest: "daily",
      periodStart: "2026-01-01T07:00:00.000Z",
      periodEnd: "2026-01-02T07:00:00.000Z",
      createdAt: "2026-01-02T07:00:00.000Z",
      articleIds: [],
      historyIds: [],
      deliveries: recipients.map((r) => ({ recipient: r, messageId: `<${r}.1@riverton.example>` })),
    });
    // Each message takes a (simulated) half second: a slice of 50 outlives a 4 s claim.
    let now = Date.parse("2026-01-02T07:00:00Z");
    const events: DigestEvent[] = [];
    const db = new Database(join(dir, "state.db"), { readonly: true });
    const claimAges: number[] = [];
    const mailer = createMailer(`file:${join(dir, "out")}`);
    const ctx: SendRunContext = {
      ledger,
      mailer: {
        ...mailer,
        send: async (message, accepted) => {
          // Whatever a message waited, its claim is fresh when it leaves: no one else may have
          // taken it over as stale.
          const claim = db
            .prepare("SELECT claimed_at AS at FROM deliveries WHERE recipient = ?")
            .get(message.to) as { at: number };
          claimAges.push(now - claim.at);
          now += 500;
          await mailer.send(message, accepted);
        },
      },
      from: "Desk <desk@riverton.example>",
      unsubscribe: () => ({ mailto: "mailto:desk@riverton.example" }),
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10, maxConnectionFailures: 3 },
      clock: () => new Date(now),
      sleep: async () => {},
      random: () => 0.5,
      only: new Set(recipients),
      claimTimeoutMs: 4_000,
      keepLock: async () => true,
      redact: (text) => text,
      log: (event) => events.push(event),
    };
    await sendRun(run, EMAIL, ctx);
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".eml"))).toHaveLength(120);
    const deliveries = await ledger.deliveries(run.id);
    expect(deliveries.every((d) => d.status === "sent" && d.attempts === 1)).toBe(true);
    expect(events.filter((e) => e.kind === "sent")).toHaveLength(120);
    expect((await ledger.run(run.id))?.status).toBe("complete");
    expect(Math.max(...claimAges)).toBeLessThan(4_000);
    db.close();
    await ledger.close();
  });
});
