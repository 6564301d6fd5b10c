import type { Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

/** What the sink does with one message: take it, refuse it with an SMTP reply, or hang up. */
export type SinkAnswer =
  | { kind: "accept" }
  | { kind: "reply"; code: number; text: string }
  | { kind: "drop" };

/** A received message with the envelope recipients it was accepted for. */
export interface Received {
  to: string[];
  mail: ParsedMail;
}

/** Options for {@link startSmtpSink}. */
export interface SinkOptions {
  /** Decides each message's fate; `n` counts messages for this recipient so far (from 1). */
  answer?: (recipient: string, n: number) => SinkAnswer | Promise<SinkAnswer>;
  /** Addresses refused at RCPT TO with 550. */
  refuse?: string[];
  /** Called once a message was accepted (after the 250 reply was sent). */
  onAccepted?: (received: Received) => void;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), keeping every message it accepts. */
export async function startSmtpSink(options: SinkOptions = {}) {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address))
        return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const key = to.join(",");
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        const answer = (await options.answer?.(key, n)) ?? { kind: "accept" };
        if (answer.kind === "drop") {
          for (const socket of sockets) socket.destroy();
          return;
        }
        if (answer.kind === "reply")
          return callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
        const mail = await simpleParser(Buffer.concat(chunks));
        const message = { to, mail };
        received.push(message);
        callback();
        options.onAccepted?.(message);
      });
    },
  });
  // A client killed mid-session (the crash test does it on purpose) resets its connection: expected.
  server.on("error", () => {});
  server.server.on("connection", (socket: Socket) => {
    socket.on("error", () => {});
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** How many accepted messages each recipient got. */
    perRecipient: () => {
      const tally = new Map<string, number>();
      for (const r of received) for (const to of r.to) tally.set(to, (tally.get(to) ?? 0) + 1);
      return Object.fromEntries([...tally].sort());
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
