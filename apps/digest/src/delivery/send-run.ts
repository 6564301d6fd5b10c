import type { CompiledEmail } from "../render/compile-email.js";
import { recipientSlots } from "../render/personalise-email.js";
import {
  type DeliveryRow,
  type DigestStore,
  isUnsettled,
  type RunRow,
} from "../state/digest-store.js";
import { classifyFailure } from "./classify-failure.js";
import type { Mailer } from "./create-mailer.js";
import type { DigestEvent } from "./digest-event.js";

/** How temporary failures are retried within one run. */
export interface RetryPolicy {
  /** Attempts per recipient in one run (the first included). */
  attempts: number;
  /** First delay; each next one doubles, up to `maxDelayMs`; the wait is a random point of its upper half. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Connection failures in a row (across recipients and attempts) after which the run stops,
   * leaving every recipient not yet sent pending for the next run: a server that is down is not
   * walked through every recipient's retries.
   */
  maxConnectionFailures: number;
}

/** What {@link sendRun} needs besides the run itself. */
export interface SendRunContext {
  ledger: DigestStore;
  mailer: Mailer;
  /** Waits for a turn under the transport's shared rate limit, before each attempt. */
  rateLimit?: () => Promise<void>;
  from: string;
  /** Each recipient's unsubscribe link and the list's mailto address. */
  unsubscribe: (recipient: string) => { url?: string; mailto: string };
  retry: RetryPolicy;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Only these recipients (a worker's batch); default every one. */
  only?: ReadonlySet<string>;
  /**
   * Workers: a delivery another sender claimed less than this long ago is theirs, and the batch
   * fails (to be tried again) instead of sending it twice. Default: the sender holds the
   * digest's lock, and whatever was `sending` is its own to send again.
   */
  claimTimeoutMs?: number;
  /** Keeps the digest's lock; false when it was lost, and the run stops. */
  keepLock: () => Promise<boolean>;
  /** Removes secrets (the SMTP password) from text that will be stored or logged. */
  redact: (text: string) => string;
  log: (event: DigestEvent) => void;
}

/**
 * Delivers a run to every recipient not yet settled, one message at a time, so a crash leaves at
 * most one message whose fate is unknown (`sending`), and that one is sent again on resume.
 * Temporary failures retry with exponential backoff and jitter; permanent ones are recorded for
 * that recipient and the others go on; a transport failure, or a server that cannot be reached
 * `maxConnectionFailures` times in a row, stops the run with the rest pending. A recipient who
 * unsubscribed since the run was recorded is taken out of it.
 */
export async function sendRun(
  run: RunRow,
  compiled: CompiledEmail,
  ctx: SendRunContext,
): Promise<void> {
  let connectionFailures = 0;
  const only = ctx.only ? [...ctx.only] : undefined;
  // A worker's batch lasts seconds: who unsubscribed is read once for it. A run that sends a
  // whole period asks before each message, however long it takes.
  const gone = ctx.only ? await ctx.ledger.unsubscribed(run.digest) : undefined;
  const unsubscribed = async (address: string) =>
    gone ? gone.has(address.toLowerCase()) : ctx.ledger.isUnsubscribed(run.digest, address);
  let elsewhere = 0;
  const claim = (recipients: string[]) => {
    const now = ctx.clock().getTime();
    const staleBefore =
      ctx.claimTimeoutMs === undefined ? Number.MAX_SAFE_INTEGER : now - ctx.claimTimeoutMs;
    return ctx.ledger.claimDeliveries(run.id, recipients, now, staleBefore);
  };
  const open = (await ctx.ledger.deliveries(run.id, only)).filter(isUnsettled);
  for (let at = 0; at < open.length; ) {
    const slice = open.slice(at, at + CLAIM_SLICE);
    // One round trip claims the slice; each message is still recorded as sent on its own.
    const claimedAt = ctx.clock().getTime();
    const untried = await claim(slice.map((d) => d.recipient));
    try {
      for (const delivery of slice) {
        // A claim others may take over once stale is used while fresh: a slow slice (a low
        // rate limit, retries) gives back the rest and claims it again.
        if (
          ctx.claimTimeoutMs !== undefined &&
          delivery !== slice[0] &&
          ctx.clock().getTime() - claimedAt > ctx.claimTimeoutMs / 2
        )
          break;
        at++;
        if (!untried.delete(delivery.recipient)) {
          elsewhere++;
          continue;
        }
        await deliverOne(delivery);
      }
    } finally {
      // Stopped early (the server down, the lock lost, the claim getting old): what this
      // sender claimed and never tried goes back to pending, for it or another at once.
      if (untried.size > 0) await ctx.ledger.releaseDeliveries(run.id, [...untried]);
    }
  }
  await ctx.ledger.completeIfDone(run.id, ctx.clock().toISOString());
  if (elsewhere > 0)
    throw new Error(
      `${elsewhere} deliver${elsewhere === 1 ? "y is" : "ies are"} being sent by another worker; the batch is tried again later`,
    );

  async function deliverOne(delivery: DeliveryRow): Promise<void> {
    if (!(await ctx.keepLock())) throw new Error("lost the digest's lock; stopping");
    const { name, address } = splitAddress(delivery.recipient);
    if (await unsubscribed(address)) {
      await ctx.ledger.dropDelivery(run.id, delivery.recipient);
      ctx.log({ kind: "suppressed", digest: run.digest, recipient: delivery.recipient });
      return;
    }
    const links = ctx.unsubscribe(delivery.recipient);
    const slots = recipientSlots({
      ...(name ? { name } : {}),
      ...(links.url ? { unsubscribeUrl: links.url } : {}),
    });
    let attempt = 0;
    for (;;) {
      attempt += 1;
      // The first attempt goes under the slice's claim; a retry claims again.
      if (attempt > 1 && !(await claim([delivery.recipient])).has(delivery.recipient)) {
        elsewhere++;
        return;
      }
      try {
        await ctx.rateLimit?.();
        await ctx.mailer.send(
          {
            from: ctx.from,
            to: delivery.recipient,
            subject: compiled.subject,
            text: { template: compiled.text, values: slots.text },
            html: { template: compiled.html, values: slots.html },
            messageId: delivery.messageId,
            date: ctx.clock(),
            headers: {
              "List-Unsubscribe": [links.url, links.mailto]
                .filter(Boolean)
                .map((u) => `<${u}>`)
                .join(", "),
              ...(links.url ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
              "List-Id": `<${run.digest}.${domainOf(ctx.from)}>`,
            },
          },
          // Recorded before the next message starts: a crash leaves one message unknown at most.
          () => ctx.ledger.markSent(run.id, delivery.recipient, ctx.clock().toISOString()),
        );
        connectionFailures = 0;
        ctx.log({
          kind: "sent",
          digest: run.digest,
          recipient: delivery.recipient,
          messageId: delivery.messageId,
          attempt,
        });
        return;
      } catch (error) {
        const failure = classifyFailure(error);
        const message = ctx.redact(failure.message);
        if (failure.kind === "transport") {
          await ctx.ledger.markFailed(run.id, delivery.recipient, message, false);
          ctx.log({ kind: "transport-failed", digest: run.digest, error: message });
          throw new Error(`the mail transport failed: ${message}`);
        }
        connectionFailures =
          failure.kind === "temporary" && failure.connection ? connectionFailures + 1 : 0;
        if (connectionFailures >= ctx.retry.maxConnectionFailures) {
          await ctx.ledger.markFailed(run.id, delivery.recipient, message, false);
          const pending = (await ctx.ledger.deliveries(run.id)).filter(isUnsettled).length;
          ctx.log({
            kind: "transport-down",
            digest: run.digest,
            failures: connectionFailures,
            pending,
            error: message,
          });
          throw new Error(
            `the mail server could not be reached ${connectionFailures} times in a row; stopped with ${pending} recipient${pending === 1 ? "" : "s"} pending for the next run`,
          );
        }
        const final = failure.kind === "permanent";
        if (!final && attempt < ctx.retry.attempts) {
          const cap = Math.min(ctx.retry.maxDelayMs, ctx.retry.baseDelayMs * 2 ** (attempt - 1));
          const delayMs = Math.round(cap / 2 + (ctx.random() * cap) / 2);
          await ctx.ledger.markFailed(run.id, delivery.recipient, message, false);
          ctx.log({
            kind: "retry",
            digest: run.digest,
            recipient: delivery.recipient,
            attempt,
            delayMs,
            error: message,
          });
          await ctx.sleep(delayMs);
          continue;
        }
        await ctx.ledger.markFailed(run.id, delivery.recipient, message, final);
        ctx.log({
          kind: "failed",
          digest: run.digest,
          recipient: delivery.recipient,
          attempts: attempt,
          error: message,
          final,
        });
        return;
      }
    }
  }
}

/** Deliveries claimed in one round trip. */
const CLAIM_SLICE = 50;

/** `Ana Lima <ana@example.org>` → name and address; a bare address has no name. */
export function splitAddress(recipient: string): { name?: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<\s*([^>\s]+)\s*>\s*$/.exec(recipient);
  if (!match) return { address: recipient.trim() };
  const name = match[1]?.trim();
  return { ...(name ? { name } : {}), address: match[2] as string };
}

/** The domain of the `from` address, for Message-IDs and List-Id. */
export function domainOf(from: string): string {
  return splitAddress(from).address.split("@")[1] ?? "localhost";
}
