import { rmSync } from "node:fs";
import { toLocalDay } from "@briefing/core";
import { afterEach, describe, expect, it } from "vitest";
import { digestFixture } from "../digest/test-support/digest-fixture.js";
import { startSmtpSink } from "../digest/test-support/smtp-sink.js";
import { scheduleCommand } from "./schedule.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("briefing schedule", () => {
  it("runs what is due at start, and on SIGTERM stops after the send in flight", async () => {
    let stop: (signal: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => {
      stop = resolve;
    });
    const server = await startSmtpSink({
      answer: async (_to, n) => {
        if (n === 1) stop("SIGTERM");
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { kind: "accept" };
      },
    });
    cleanups.push(server.close);
    // Dated yesterday: due in the digest's first period whatever the time of day the test runs.
    const yesterday = toLocalDay(new Date(Date.now() - 86_400_000), "Europe/London");
    const fixture = digestFixture({
      transport: server.url,
      recipients: ["ana@example.org", "bo@example.org"],
      stories: {
        [yesterday]: [
          {
            title: "Bridge works begin",
            sentence: "Crews began repairing the Harbour Bridge in Riverton.",
          },
        ],
      },
    });
    cleanups.push(() => rmSync(fixture.dir, { recursive: true, force: true }));
    let err = "";
    const io = {
      cwd: fixture.dir,
      env: {},
      now: () => new Date(),
      stdout: () => {},
      stderr: (text: string) => {
        err += text;
      },
    };
    expect(await scheduleCommand({ config: fixture.config }, io, stopped)).toBe(0);
    expect(server.perRecipient()).toEqual({ "ana@example.org": 1, "bo@example.org": 1 });
    const logs = err
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { msg: string; kind?: string });
    const messages = logs.map((l) => l.msg);
    expect(messages[0]).toBe("scheduled");
    expect(messages).toContain("run-finished");
    // The signal came during the first send: the run still finished, to every recipient.
    expect(messages.indexOf("stopping after the send in flight")).toBeLessThan(
      messages.indexOf("run-finished"),
    );
    expect(messages.indexOf("stopping after the send in flight")).toBeLessThan(
      messages.indexOf("stopped"),
    );
    expect(messages.at(-1)).toBe("stopped");
  });
});
