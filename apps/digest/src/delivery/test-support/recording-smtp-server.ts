import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/** Options of {@link startRecordingServer}: smtp-server's, and a hook for each message's start. */
export interface RecordingServerOptions extends Partial<SMTPServerOptions> {
  /** Told the recipients of each message as its data begins to arrive. */
  onBegun?: (to: string) => void;
}

/**
 * A real smtp-server on 127.0.0.1 that records in `events`, in order, each connection
 * (`connect`) and each message taken (`data <recipients>`, once all its data has come);
 * recipients whose address starts with "refused" get a 550.
 */
export async function startRecordingServer(
  events: string[],
  { onBegun, ...options }: RecordingServerOptions = {},
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      events.push("connect");
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refused"))
        return callback(Object.assign(new Error("no such user"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join();
      onBegun?.(to);
      stream.resume();
      stream.on("end", () => {
        events.push(`data ${to}`);
        callback();
      });
    },
    ...options,
  });
  server.on("error", () => {});
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((done) => server.close(() => done())) };
}
