import { afterEach, describe, expect, it } from "vitest";
import { type OpenedStore, storeDrivers } from "../state/test-support/store-drivers.js";
import { createRateLimiter } from "./rate-limiter.js";

describe.each(storeDrivers())("createRateLimiter on the $name store", (driver) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
  });

  it("lets senders sharing a store through no faster than the limit, together", async () => {
    opened = await driver.open();
    // A clock that moves only when someone waits: the test measures turns, not wall time.
    let now = 1_000_000;
    const clock = () => new Date(now);
    const sleep = async (ms: number) => {
      now += ms;
    };
    const options = {
      store: opened.store,
      name: "transport smtp://mail:25",
      perSecond: 20,
      clock,
      sleep,
    };
    // Two senders (two workers) drawing from one bucket, taking 100 turns between them.
    const senders = [createRateLimiter(options), createRateLimiter(options)];
    const turns: number[] = [];
    for (let i = 0; i < 100; i++) {
      await (senders[i % 2] as () => Promise<void>)();
      turns.push(now);
    }
    // 20 saved up at the start, then 20 a second: the 100th turn comes 4 s in, not before.
    expect(Math.max(...turns) - 1_000_000).toBeGreaterThanOrEqual(4_000);
    for (const start of turns) {
      const within = turns.filter((t) => t >= start && t < start + 1_000).length;
      expect(within).toBeLessThanOrEqual(20 + 20);
    }
  });
});
