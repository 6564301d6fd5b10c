import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { digestFixture, RIVERTON_STORIES } from "./test-support/digest-fixture.js";
import { type SinkOptions, startSmtpSink } from "./test-support/smtp-sink.js";

// These tests run the real CLI in child processes (through tsx, so no build is needed), to kill
// one with SIGKILL and to race two against each other.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const bin = fileURLToPath(new URL("../bin/briefing.ts", import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const RECIPIENTS = [
  "r1@example.org",
  "r2@example.org",
  "r3@example.org",
  "r4@example.org",
  "r5@example.org",
];
const STORIES = {
  "2026-01-09": RIVERTON_STORIES["2026-01-09"],
  "2026-01-10": RIVERTON_STORIES["2026-01-10"],
};

function runDue(config: string): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; err: string }>;
} {
  const child = spawn(
    process.execPath,
    ["--import", tsx, bin, "run-due", "--config", config, "--now", "2026-01-10T08:00:00Z"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const done = new Promise<{ code: number | null; signal: string | null; err: string }>(
    (resolve) => {
      child.on("exit", (code, signal) => resolve({ code, signal, err }));
    },
  );
  return { child, done };
}

async function setup(sink: SinkOptions, delivery?: Record<string, number>) {
  const server = await startSmtpSink(sink);
  cleanups.push(server.close);
  const fixture = digestFixture({
    transport: server.url,
    recipients: RECIPIENTS,
    stories: STORIES,
    ...(delivery ? { delivery } : {}),
  });
  cleanups.push(() => rmSync(fixture.dir, { recursive: true, force: true }));
  return { server, fixture };
}

describe("digests across processes", () => {
  it("a process killed with SIGKILL mid-batch and started again reaches everyone, at most one twice", async () => {
    let victim: ChildProcess | undefined;
    let accepted = 0;
    const { server, fixture } = await setup({
      onAccepted: () => {
        accepted += 1;
        // The third message was accepted: kill the sender before it can record that.
        if (accepted === 3) victim?.kill("SIGKILL");
      },
    });
    const first = runDue(fixture.config);
    victim = first.child;
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(server.received.length).toBeGreaterThanOrEqual(3);
    const second = await runDue(fixture.config).done;
    expect(second.code).toBe(0);
    expect(second.err).toContain(
      "riverton: resuming 2026-01-09T07:00:00.000Z → 2026-01-10T07:00:00.000Z",
    );
    const counts = server.perRecipient();
    expect(Object.keys(counts)).toEqual(RECIPIENTS);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(RECIPIENTS.length + 1);
    console.info(
      `crash test: ${JSON.stringify(counts)} (${total} messages for ${RECIPIENTS.length} recipients)`,
    );
  });

  it("two run-due processes at once send the digest once", async () => {
    const { server, fixture } = await setup({
      // A slow server keeps the first process busy while the second starts.
      answer: async () => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return { kind: "accept" };
      },
    });
    const [a, b] = await Promise.all([runDue(fixture.config).done, runDue(fixture.config).done]);
    expect([a.code, b.code], `${a.err}\n${b.err}`).toEqual([0, 0]);
    expect(server.perRecipient()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    expect(`${a.err}\n${b.err}`).toMatch(/another process is running this digest|not due/);
  });

  it("a live holder keeps its lock through retries longer than the lease: one sender, no duplicate", async () => {
    let second: ReturnType<typeof runDue>["done"] | undefined;
    const { server, fixture } = await setup(
      {
        // r1's first message is answered only after a second runner has started and ended, well
        // past the 1 s lease; then 451, and the retry is taken.
        answer: async (to, n) => {
          if (to !== "r1@example.org" || n > 1) return { kind: "accept" };
          second = runDue(fixture.config).done;
          await second;
          return { kind: "reply", code: 451, text: "4.7.1 Try again later" };
        },
      },
      { leaseMs: 1000, backoffMs: 600, maxBackoffMs: 1200 },
    );
    const first = await runDue(fixture.config).done;
    const other = await (second as NonNullable<typeof second>);
    expect(first.code, first.err).toBe(0);
    expect(other.code, other.err).toBe(0);
    expect(other.err).toContain("riverton: another process is running this digest; skipped");
    expect(first.err).toContain("retrying in");
    expect(server.perRecipient()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
  });
});
