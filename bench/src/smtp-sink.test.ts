import { createMailer } from "@briefing/digest";
import { afterEach, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.js";

describe("the bench's SMTP sink", () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
  });

  it("takes messages from the digest's own mailer over one connection and counts them by recipient", async () => {
    sink = await startSmtpSink();
    const mailer = createMailer(sink.url);
    // Lines of one dot, and lines starting with one, must not end a message early.
    const body = {
      template: { parts: ["first line\n.\n..two dots\n.end"], slots: [] },
      values: { greeting: "", unsubscribe: "" },
    };
    const send = (to: string, n: number) =>
      mailer.send({
        from: "Bench <bench@bench.example>",
        to,
        subject: `message ${n}`,
        messageId: `<${n}@bench.example>`,
        date: new Date("2026-01-01T00:00:00Z"),
        headers: {},
        text: body,
        html: body,
      });
    let accepted = 0;
    await send("Ana <A@x.example>", 1);
    await mailer.send(
      {
        from: "bench@bench.example",
        to: "b@x.example",
        subject: "m",
        messageId: "<2@bench.example>",
        date: new Date("2026-01-01T00:00:00Z"),
        headers: {},
        text: body,
        html: body,
      },
      async () => {
        accepted++;
      },
    );
    await send("a@x.example", 3);
    mailer.close();
    expect(accepted).toBe(1);
    expect(sink.total()).toBe(3);
    expect(Object.fromEntries(sink.counts)).toEqual({ "a@x.example": 2, "b@x.example": 1 });
    sink.reset();
    expect(sink.total()).toBe(0);
  });
});
