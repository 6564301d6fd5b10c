import { afterEach, describe, expect, it } from "vitest";
import type { ComposedMessage } from "./compose-message.js";
import { SmtpLane } from "./smtp-lane.js";
import {
  type RecordingServerOptions,
  startRecordingServer,
} from "./test-support/recording-smtp-server.js";

const message = (to: string): ComposedMessage => ({
  envelope: { from: "desk@riverton.example", to: [to] },
  raw: Buffer.from(`From: desk@riverton.example\r\nTo: ${to}\r\nSubject: hi\r\n\r\nbody\r\n`),
});

describe("SmtpLane", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function start(events: string[], options: RecordingServerOptions = {}) {
    const server = await startRecordingServer(events, options);
    close = server.close;
    return new SmtpLane({ host: "127.0.0.1", port: server.port, secure: false, timeoutMs: 5_000 });
  }

  it("sends one message at a time, each one's follow-up done before the next starts", async () => {
    const events: string[] = [];
    const lane = await start(events);
    await Promise.all(
      ["a", "b", "c"].map((who) =>
        lane.send(message(`${who}@x.example`), async () => {
          await new Promise((settle) => setTimeout(settle, 20));
          events.push(`recorded ${who}`);
        }),
      ),
    );
    lane.close();
    expect(events).toEqual([
      "connect",
      "data a@x.example",
      "recorded a",
      "data b@x.example",
      "recorded b",
      "data c@x.example",
      "recorded c",
    ]);
  });

  it("keeps the connection after a refused recipient, and opens a new one when the server closed it while idle", async () => {
    const events: string[] = [];
    // The server drops connections idle for 300 ms.
    const lane = await start(events, { socketTimeout: 300 });
    await lane.send(message("a@x.example"));
    await expect(lane.send(message("refused@x.example"))).rejects.toMatchObject({
      responseCode: 550,
    });
    await lane.send(message("b@x.example"));
    expect(events).toEqual(["connect", "data a@x.example", "data b@x.example"]);
    await new Promise((idle) => setTimeout(idle, 900));
    // No error for the caller: the message goes over a new connection.
    await lane.send(message("c@x.example"));
    lane.close();
    expect(events).toEqual([
      "connect",
      "data a@x.example",
      "data b@x.example",
      "connect",
      "data c@x.example",
    ]);
  });

  it("fails a message when the server cannot be reached, and tries again on the next", async () => {
    const lane = new SmtpLane({ host: "127.0.0.1", port: 1, secure: false, timeoutMs: 2_000 });
    await expect(lane.send(message("a@x.example"))).rejects.toThrow(/ECONNREFUSED/);
    await expect(lane.send(message("b@x.example"))).rejects.toThrow(/ECONNREFUSED/);
    lane.close();
  });
});
