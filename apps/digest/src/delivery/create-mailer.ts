import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { maskCredentials } from "../config/redact-secrets.js";
import { composeMessage, type OutgoingMessage } from "./compose-message.js";
import { SmtpPool } from "./smtp-pool.js";

export type { OutgoingMessage } from "./compose-message.js";

/** Sends messages over one transport; `description` is safe to log (no password). */
export interface Mailer {
  description: string;
  /**
   * Sends one message. `accepted` runs once the server took it (to record it as sent); the
   * next message waits for it, so at most one message's fate is unknown at any time.
   */
  send(message: OutgoingMessage, accepted?: () => Promise<void>): Promise<void>;
  close(): void;
}

/** Options for {@link createMailer}. */
export interface MailerOptions {
  /** Connection, greeting and socket timeouts. Default 30 s. */
  timeoutMs?: number;
  /**
   * SMTP connections at most, for a process that sends several batches at once (a worker's
   * `--concurrency`); still at most one message whose fate is unknown. Default 1.
   */
  lanes?: number;
}

/**
 * A mailer for `smtp://` or `smtps://` URLs (reused SMTP connections, `lanes` of them at most,
 * credentials from the URL) or `file:DIR` (each message written as `DIR/<Message-ID>.eml`, for running without a
 * mail server and for inspection). Both send the bytes {@link composeMessage} builds.
 */
export function createMailer(url: string, options: MailerOptions = {}): Mailer {
  if (url.startsWith("file:")) return fileMailer(url.slice(5));
  const parsed = new URL(url);
  const pool = new SmtpPool({
    host: parsed.hostname,
    port: Number(parsed.port) || (parsed.protocol === "smtps:" ? 465 : 587),
    secure: parsed.protocol === "smtps:",
    ...(parsed.username
      ? {
          auth: {
            user: decodeURIComponent(parsed.username),
            pass: decodeURIComponent(parsed.password),
          },
        }
      : {}),
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.lanes !== undefined ? { lanes: options.lanes } : {}),
  });
  return {
    description: maskCredentials(url),
    send: (message, accepted) => pool.send(composeMessage(message), accepted),
    close: () => pool.close(),
  };
}

function fileMailer(dir: string): Mailer {
  return {
    description: `file:${dir}`,
    send: async (message, accepted) => {
      const { raw } = composeMessage(message);
      await mkdir(dir, { recursive: true });
      const name = `${message.messageId.replace(/[<>]/g, "").replace(/[^\w.@-]/g, "_")}.eml`;
      const temporary = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temporary, raw);
      await rename(temporary, join(dir, name));
      await accepted?.();
    },
    close: () => {},
  };
}
