import type { ComposedMessage } from "./compose-message.js";
import { oneAtATime, SmtpLane, type SmtpLaneOptions } from "./smtp-lane.js";

/** Options of {@link SmtpPool}: a lane's, and how many lanes. */
export interface SmtpPoolOptions extends SmtpLaneOptions {
  /** SMTP connections at most, each opened when first needed. Default 1. */
  lanes?: number;
}

/**
 * Up to `lanes` SMTP connections ({@link SmtpLane}) that send at once, for a process that sends
 * several batches at a time: each message goes to the lane with the fewest messages in hand. The
 * lanes share one turn for the end of each message, the server's reply and what its sender does
 * then (recording it as sent), so a process that dies leaves at most one message whose fate is
 * unknown, as with one lane.
 */
export class SmtpPool {
  readonly #lanes: { lane: SmtpLane; inHand: number }[];

  constructor(options: SmtpPoolOptions) {
    const turn = oneAtATime();
    this.#lanes = Array.from({ length: Math.max(1, Math.floor(options.lanes ?? 1)) }, () => ({
      lane: new SmtpLane(options, turn),
      inHand: 0,
    }));
  }

  /** Sends `message`; `accepted` runs once the server took it, in the pool's turn. */
  async send(message: ComposedMessage, accepted?: () => Promise<void>): Promise<void> {
    const least = this.#lanes.reduce((a, b) => (b.inHand < a.inHand ? b : a));
    least.inHand++;
    try {
      await least.lane.send(message, accepted);
    } finally {
      least.inHand--;
    }
  }

  close(): void {
    for (const { lane } of this.#lanes) lane.close();
  }
}
