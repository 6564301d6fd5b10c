import { PassThrough } from "node:stream";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import type { ComposedMessage } from "./compose-message.js";

/** Where and how {@link SmtpLane} connects. */
export interface SmtpLaneOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** Connection, greeting and socket timeouts. */
  timeoutMs: number;
  /** Messages over one connection before it is closed and a new one opened. Default 100. */
  maxMessages?: number;
}

/**
 * One SMTP connection (nodemailer's SMTPConnection) reused for message after message, one at
 * a time: a message and whatever its sender does once the server accepted it (recording it as
 * sent) finish before the next message starts, so a process that dies leaves at most one
 * message whose fate is unknown. A connection the server closed while idle is opened again and
 * the message sent on the new one; one that failed is dropped and opened again for the next.
 */
export class SmtpLane {
  readonly #options: SmtpLaneOptions;
  #connection: SMTPConnection | undefined;
  #sent = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SmtpLaneOptions) {
    this.#options = options;
  }

  /** Sends `message`; `accepted` runs once the server took it, before the next message starts. */
  send(message: ComposedMessage, accepted?: () => Promise<void>): Promise<void> {
    const turn = this.#queue.then(async () => {
      await this.#deliver(message);
      await accepted?.();
    });
    this.#queue = turn.catch(() => {});
    return turn;
  }

  close(): void {
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.quit();
  }

  async #deliver(message: ComposedMessage): Promise<void> {
    for (let again = true; ; again = false) {
      const reused = this.#connection !== undefined;
      const connection = this.#connection ?? (await this.#open());
      const body = new PassThrough();
      body.end(message.raw);
      try {
        await new Promise<void>((resolve, reject) =>
          connection.send(message.envelope, body, (error) => (error ? reject(error) : resolve())),
        );
        if (++this.#sent >= (this.#options.maxMessages ?? 100)) this.close();
        return;
      } catch (error) {
        const e = error as { code?: string; responseCode?: number };
        // A message refused by the server (a 4xx or 5xx reply to it): the connection is fine.
        if ((e.code === "EENVELOPE" || e.code === "EMESSAGE") && e.responseCode !== 421) {
          await new Promise<void>((done) =>
            connection.reset((resetError) => {
              if (resetError) this.#drop(connection);
              done();
            }),
          );
          throw error;
        }
        this.#drop(connection);
        // A kept connection the server had closed while idle: not a byte of this message went
        // out, so it goes over a new connection at once.
        if (again && reused && !body.readableDidRead) continue;
        throw error;
      }
    }
  }

  async #open(): Promise<SMTPConnection> {
    const { host, port, secure, auth, timeoutMs } = this.#options;
    const connection = new SMTPConnection({
      host,
      port,
      secure,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    const forget = () => this.#drop(connection);
    try {
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        const settle = (error?: Error) => {
          if (settled) return;
          settled = true;
          if (error) reject(error);
          else resolve();
        };
        // Connecting fails by an 'error' event, or by an 'end' when the server hangs up first.
        connection.once("error", settle);
        connection.once("end", () =>
          settle(
            Object.assign(new Error("the SMTP server closed the connection before its greeting"), {
              code: "ECONNECTION",
            }),
          ),
        );
        connection.connect((error) => settle(error));
      });
      // An idle connection the server closes, or an error between messages, must not crash.
      connection.on("error", forget);
      connection.on("end", forget);
      // As nodemailer does: credentials are used when the server offers AUTH.
      if (auth && (connection as unknown as { allowsAuth?: boolean }).allowsAuth)
        await new Promise<void>((resolve, reject) =>
          connection.login(auth, (error) => (error ? reject(error) : resolve())),
        );
    } catch (error) {
      this.#drop(connection);
      throw error;
    }
    this.#connection = connection;
    this.#sent = 0;
    return connection;
  }

  #drop(connection: SMTPConnection): void {
    if (this.#connection === connection) this.#connection = undefined;
    connection.close();
  }
}
