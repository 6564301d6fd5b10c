import { describe, expect, it } from "vitest";
import { planPeriod } from "./plan-period.js";

const daily = { schedule: "0 7 * * *", timezone: "Europe/London" };
const iso = (plan: ReturnType<typeof planPeriod>) =>
  plan.kind === "run"
    ? [plan.start.toISOString(), plan.end.toISOString()]
    : ["not-due", plan.next?.toISOString()];

describe("planPeriod", () => {
  it("runs a digest that never ran at its most recent slot, covering one slot", () => {
    expect(
      iso(planPeriod({ ...daily, now: new Date("2026-01-10T09:00:00Z"), mode: "due" })),
    ).toEqual(["2026-01-09T07:00:00.000Z", "2026-01-10T07:00:00.000Z"]);
  });

  it("is not due again until the next slot, and says when that is", () => {
    const lastEnd = new Date("2026-01-10T07:00:00Z");
    expect(
      iso(planPeriod({ ...daily, lastEnd, now: new Date("2026-01-10T23:00:00Z"), mode: "due" })),
    ).toEqual(["not-due", "2026-01-11T07:00:00.000Z"]);
  });

  it("catches up after three missed days with one run covering all three", () => {
    const lastEnd = new Date("2026-01-10T07:00:00Z");
    expect(
      iso(planPeriod({ ...daily, lastEnd, now: new Date("2026-01-13T08:15:00Z"), mode: "due" })),
    ).toEqual(["2026-01-10T07:00:00.000Z", "2026-01-13T07:00:00.000Z"]);
  });

  it("keeps 07:00 London time across both DST changes", () => {
    // Clocks go forward on Sunday 29 March 2026: 07:00 BST is 06:00 UTC.
    const spring = planPeriod({
      ...daily,
      lastEnd: new Date("2026-03-28T07:00:00Z"),
      now: new Date("2026-03-29T06:30:00Z"),
      mode: "due",
    });
    expect(iso(spring)).toEqual(["2026-03-28T07:00:00.000Z", "2026-03-29T06:00:00.000Z"]);
    expect(
      iso(
        planPeriod({
          ...daily,
          lastEnd: new Date("2026-03-28T07:00:00Z"),
          now: new Date("2026-03-29T05:59:00Z"),
          mode: "due",
        }),
      ),
    ).toEqual(["not-due", "2026-03-29T06:00:00.000Z"]);
    // Back on Sunday 25 October 2026: 07:00 GMT is 07:00 UTC again.
    const autumn = planPeriod({
      ...daily,
      lastEnd: new Date("2026-10-24T06:00:00Z"),
      now: new Date("2026-10-25T06:30:00Z"),
      mode: "due",
    });
    expect(iso(autumn)).toEqual(["not-due", "2026-10-25T07:00:00.000Z"]);
    expect(
      iso(
        planPeriod({
          ...daily,
          lastEnd: new Date("2026-10-24T06:00:00Z"),
          now: new Date("2026-10-25T07:00:00Z"),
          mode: "due",
        }),
      ),
    ).toEqual(["2026-10-24T06:00:00.000Z", "2026-10-25T07:00:00.000Z"]);
  });

  it("sends now: a period from the last run to this instant", () => {
    const lastEnd = new Date("2026-01-10T07:00:00Z");
    expect(
      iso(planPeriod({ ...daily, lastEnd, now: new Date("2026-01-10T12:00:00Z"), mode: "now" })),
    ).toEqual(["2026-01-10T07:00:00.000Z", "2026-01-10T12:00:00.000Z"]);
    expect(planPeriod({ ...daily, lastEnd, now: lastEnd, mode: "now" }).kind).toBe("not-due");
  });
});
