import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";

/** A running {@link startSmtpSink}. */
export interface SmtpSink {
  url: string;
  /** Messages accepted, by envelope recipient. */
  counts: Map<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

/** What a sink counts: messages by envelope recipient. */
export function messageCounter() {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    counts,
    total: () => total,
    /** One message accepted for these recipients. */
    record(recipients: readonly string[]) {
      for (const to of recipients) counts.set(to, (counts.get(to) ?? 0) + 1);
      total += recipients.length;
    },
    reset() {
      counts.clear();
      total = 0;
    },
  };
}

const END_OF_DATA = Buffer.from("\r\n.\r\n");

/**
 * The least an SMTP server must do to take mail: greet, answer every command (pipelined ones
 * included), find the end of each message and count it by recipient. For load tests of the
 * sending side, as Postfix's smtp-sink is for MTAs: smtp-server parses every command and
 * un-stuffs every line, costing about 1.7 ms of CPU a message on a two-core machine, which
 * would leave half the machine to the sink. No AUTH, no TLS, no storage.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const counter = messageCounter();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A client that drops its connection (a killed worker) is expected here.
    socket.on("error", () => {});
    let inData = false;
    let recipients: string[] = [];
    let buffered = Buffer.alloc(0);
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      let input = buffered.length > 0 ? Buffer.concat([buffered, chunk]) : chunk;
      let replies = "";
      for (;;) {
        if (inData) {
          const end = input.indexOf(END_OF_DATA);
          if (end < 0) {
            // Keep only what could be the start of the end mark.
            input = input.subarray(Math.max(0, input.length - (END_OF_DATA.length - 1)));
            break;
          }
          counter.record(recipients);
          recipients = [];
          inData = false;
          replies += "250 2.0.0 accepted\r\n";
          input = input.subarray(end + END_OF_DATA.length);
          continue;
        }
        const newline = input.indexOf(10);
        if (newline < 0) break;
        const line = input.subarray(0, newline).toString("latin1").trim();
        input = input.subarray(newline + 1);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") replies += "250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n";
        else if (verb === "RCPT") {
          recipients.push((/<([^>]*)>/.exec(line)?.[1] ?? "").toLowerCase());
          replies += "250 2.1.5 ok\r\n";
        } else if (verb === "MAIL" || verb === "RSET") {
          recipients = [];
          replies += "250 2.1.0 ok\r\n";
        } else if (verb === "DATA") {
          inData = true;
          // The end mark is CRLF.CRLF: a message that is empty still ends with one.
          input = Buffer.concat([Buffer.from("\r\n"), input]);
          replies += "354 go ahead\r\n";
        } else if (verb === "QUIT") {
          socket.end(`${replies}221 bye\r\n`);
          return;
        } else replies += "250 ok\r\n";
      }
      buffered = Buffer.from(input);
      if (replies) socket.write(replies);
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts: counter.counts,
    total: counter.total,
    reset: counter.reset,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
