import type { DigestStore } from "../state/digest-store.js";

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  store: Pick<DigestStore, "takeTokens">;
  /** The bucket's name: every sender with this name shares the limit. */
  name: string;
  /** Messages a second, over every process and machine sharing the store. */
  perSecond: number;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Waits for a turn under a transport's rate limit, shared through the store by every sender.
 * Tokens are taken a tenth of a second's worth at a time, so a sender asks the store about ten
 * times a second however fast it sends, and holds no more than that for itself; the bucket
 * saves up one second's worth at most, so a burst after a quiet spell is at most a second's.
 */
export function createRateLimiter(options: RateLimiterOptions): () => Promise<void> {
  const limit = { perSecond: options.perSecond, burst: Math.max(1, options.perSecond) };
  const chunk = Math.max(1, Math.floor(options.perSecond / 10));
  let held = 0;
  // One request to the store at a time per process: the batches a worker runs at once share it.
  let pending: Promise<void> | undefined;
  const refill = async () => {
    for (;;) {
      const { granted, waitMs } = await options.store.takeTokens(
        options.name,
        chunk,
        limit,
        options.clock().getTime(),
      );
      if (granted > 0) {
        held += granted;
        return;
      }
      await options.sleep(Math.max(1, waitMs));
    }
  };
  return async () => {
    while (held === 0) {
      pending ??= refill().finally(() => {
        pending = undefined;
      });
      await pending;
    }
    held--;
  };
}
