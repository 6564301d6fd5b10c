import { afterEach, describe, expect, it } from "vitest";
import type { ComposedMessage } from "./compose-message.js";
import { SmtpPool } from "./smtp-pool.js";
import { startRecordingServer } from "./test-support/recording-smtp-server.js";

const message = (to: string): ComposedMessage => ({
  envelope: { from: "desk@riverton.example", to: [to] },
  raw: Buffer.from(
    `From: desk@riverton.example\r\nTo: ${to}\r\nSubject: hi\r\n\r\n${"A line of the digest.\r\n".repeat(200)}`,
  ),
});

describe("SmtpPool", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function start(events: string[], lanes: number, onBegun: (to: string) => void = () => {}) {
    const server = await startRecordingServer(events, {
      onBegun: (to) => {
        events.push(`begun ${to}`);
        onBegun(to);
      },
    });
    close = server.close;
    return new SmtpPool({
      host: "127.0.0.1",
      port: server.port,
      secure: false,
      timeoutMs: 5_000,
      lanes,
    });
  }

  it("streams messages over several connections at once, but ends and records them one at a time", async () => {
    const events: string[] = [];
    let bBegun: () => void = () => {};
    const bHasBegun = new Promise<void>((resolve) => {
      bBegun = resolve;
    });
    const pool = await start(events, 2, (to) => {
      if (to === "b@x.example") bBegun();
    });
    // a's record waits until b's data is on its way: one lane at a time would never get there.
    await Promise.all([
      pool.send(message("a@x.example"), async () => {
        await bHasBegun;
        events.push("recorded a");
      }),
      pool.send(message("b@x.example"), async () => {
        events.push("recorded b");
      }),
    ]);
    pool.close();
    expect(events.filter((e) => e === "connect")).toHaveLength(2);
    const at = (event: string) => events.indexOf(event);
    expect(at("begun b@x.example")).toBeLessThan(at("recorded a"));
    // b is taken by the server only once a is recorded: never two messages of unknown fate.
    expect(events.slice(at("data a@x.example"))).toEqual([
      "data a@x.example",
      "recorded a",
      "data b@x.example",
      "recorded b",
    ]);
  });

  it("opens no more connections than messages in hand", async () => {
    const events: string[] = [];
    const pool = await start(events, 4);
    for (const who of ["a", "b", "c"]) await pool.send(message(`${who}@x.example`));
    pool.close();
    expect(events).toEqual([
      "connect",
      "begun a@x.example",
      "data a@x.example",
      "begun b@x.example",
      "data b@x.example",
      "begun c@x.example",
      "data c@x.example",
    ]);
  });
});
