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

/** Runs `work` when no other work given to it runs: one at a time, in the order given. */
export type Turn = <T>(work: () => Promise<T>) => Promise<T>;

/** A {@link Turn} of its own. */
export function oneAtATime(): Turn {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * One SMTP connection (nodemailer's SMTPConnection) reused for message after message, one at
 * a time: a message and whatever its sender does once the server accepted it (recording it as
 * sent) finish before the next message starts. The server takes a message only at its end (the
 * line with a single dot): lanes that share a `turn` stream their messages at once, but end one,
 * wait for the server's reply and run `accepted` one message at a time, so a process that dies
 * leaves at most one message whose fate is unknown however many lanes it has. A connection the
 * server closed while idle is opened again and the message sent on the new one; one that failed
 * is dropped and opened again for the next.
 */
export class SmtpLane {
  readonly #options: SmtpLaneOptions;
  readonly #turn: Turn;
  #connection: SMTPConnection | undefined;
  #sent = 0;
  /** This connection's messages, one at a time. */
  readonly #queue = oneAtATime();

  constructor(options: SmtpLaneOptions, turn: Turn = oneAtATime()) {
    this.#options = options;
    this.#turn = turn;
  }

  /** Sends `message`; `accepted` runs once the server took it, before the next message starts. */
  send(message: ComposedMessage, accepted?: () => Promise<void>): Promise<void> {
    return this.#queue(() => this.#deliver(message, accepted));
  }

  close(): void {
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.quit();
  }

  async #deliver(message: ComposedMessage, accepted?: () => Promise<void>): Promise<void> {
    for (let again = true; ; again = false) {
      const reused = this.#connection !== undefined;
      const connection = this.#connection ?? (await this.#open());
      const body = new PassThrough();
      body.write(message.raw);
      const sent = new Promise<void>((resolve, reject) =>
        connection.send(message.envelope, body, (error) => (error ? reject(error) : resolve())),
      );
      // Awaited in its turn; a refusal before then is not left unhandled meanwhile.
      sent.catch(() => {});
      let delivered = false;
      try {
        await this.#turn(async () => {
          if (!body.destroyed) body.end();
          await sent;
          delivered = true;
          if (++this.#sent >= (this.#options.maxMessages ?? 100)) this.close();
          await accepted?.();
        });
        return;
      } catch (error) {
        // The message went: what failed is its sender's follow-up, not the connection.
        if (delivered) throw error;
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
