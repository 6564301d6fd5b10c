import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { loadCorpus } from "@briefing/core/ingest";
import { compileEmail, createMailer, personaliseEmail, recipientSlots } from "@briefing/digest";
import { buildBriefing, readArticles } from "@briefing/summariser";
import { SMTPServer } from "smtp-server";
import { median } from "../../evals/src/shared-data.js";

/** The email figures: one digest's compile, and personalising it for many recipients. */
export interface EmailResult {
  /** The first compile in the process, MJML loaded on the way. */
  firstCompileMs: number;
  /** The median of the next ten compiles. */
  compileMs: number;
  recipients: number;
  personalisedPerSecond: number;
}

/** Delivery to a local SMTP sink over the pooled transport. */
export interface SendResult {
  messages: number;
  received: number;
  messagesPerSecond: number;
}

const NOW = new Date("2026-01-01T00:00:00Z");

/** Compiles the digest of a corpus folder as `briefing send` compiles it, each time it is called. */
async function digestCompiler(corpus: string) {
  const read = await readArticles(await loadCorpus([corpus]), { threads: 1 });
  const briefing = buildBriefing(read, { now: NOW, problems: read.problems });
  return () => compileEmail(briefing, { kicker: "Bench digest" });
}

/** MJML compile time of the corpus's digest, and messages personalised per second. */
export async function measureEmail(corpus: string, recipients = 10_000): Promise<EmailResult> {
  const compile = await digestCompiler(corpus);
  let started = performance.now();
  let compiled = await compile();
  const firstCompileMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    started = performance.now();
    compiled = await compile();
    times.push(performance.now() - started);
  }
  started = performance.now();
  let bytes = 0;
  for (let i = 0; i < recipients; i++) {
    const email = personaliseEmail(compiled, {
      name: `Reader ${i}`,
      unsubscribeUrl: `https://briefing.example/unsubscribe?r=${i}&t=${(i * 2654435761) >>> 0}`,
    });
    bytes += email.html.length + email.text.length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (bytes === 0) throw new Error("personalised emails came out empty");
  return {
    firstCompileMs,
    compileMs: median(times),
    recipients,
    personalisedPerSecond: recipients / seconds,
  };
}

/**
 * Sends `messages` personalised copies of the corpus's digest to an `smtp-server` sink on
 * loopback through the mailer `briefing send` uses (one reused nodemailer SMTP connection), one at a time
 * as a run sends them, and counts what the sink received.
 */
export async function measureSend(corpus: string, messages = 1000): Promise<SendResult> {
  const compiled = await (await digestCompiler(corpus))();
  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  sink.listen(0, "127.0.0.1");
  await once(sink.server, "listening");
  const { port } = sink.server.address() as AddressInfo;
  const mailer = createMailer(`smtp://127.0.0.1:${port}`);
  try {
    const started = performance.now();
    for (let i = 0; i < messages; i++) {
      const slots = recipientSlots({ name: `Reader ${i}` });
      await mailer.send({
        from: "Briefing <briefing@bench.example>",
        to: `reader${i}@bench.example`,
        subject: compiled.subject,
        text: { template: compiled.text, values: slots.text },
        html: { template: compiled.html, values: slots.html },
        messageId: `<bench-${i}@bench.example>`,
        date: NOW,
        headers: {},
      });
    }
    const seconds = (performance.now() - started) / 1000;
    return { messages, received, messagesPerSecond: messages / seconds };
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}
