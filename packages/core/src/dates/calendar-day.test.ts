import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, shiftDay, startOfLocalDay, toLocalDay, weekdayOf } from "./calendar-day.js";

describe("calendar days", () => {
  it("shifts across month, year and leap-day boundaries", () => {
    expect(shiftDay("2021-12-31", 1)).toBe("2022-01-01");
    expect(shiftDay("2024-03-01", -1)).toBe("2024-02-29");
    expect(shiftDay("2023-03-01", -1)).toBe("2023-02-28");
    expect(daysBetween("2021-03-27", "2021-03-29")).toBe(2);
  });

  it("is not shifted by DST changes (Europe/London, 28 March and 31 October 2021)", () => {
    expect(shiftDay("2021-03-27", 1)).toBe("2021-03-28");
    expect(shiftDay("2021-03-28", 1)).toBe("2021-03-29");
    expect(shiftDay("2021-10-31", 1)).toBe("2021-11-01");
    expect(weekdayOf("2021-03-28")).toBe(0);
  });

  it("turns an instant into the day a reader in a time zone saw", () => {
    // 00:30 UTC on the night the UK moves to BST: still 28 March in London, 27 March in New York.
    expect(toLocalDay(new Date("2021-03-28T00:30:00Z"), "Europe/London")).toBe("2021-03-28");
    expect(toLocalDay(new Date("2021-03-28T00:30:00Z"), "America/New_York")).toBe("2021-03-27");
    expect(startOfLocalDay("2021-03-28", "Europe/London").toISOString()).toBe(
      "2021-03-28T00:00:00.000Z",
    );
    expect(startOfLocalDay("2021-07-01", "Europe/London").toISOString()).toBe(
      "2021-06-30T23:00:00.000Z",
    );
    expect(startOfLocalDay("2021-07-01", "UTC").toISOString()).toBe("2021-07-01T00:00:00.000Z");
    // 23:30 UTC on 31 October 2021 is 23:30 GMT in London (BST ended at 01:00 UTC) and 00:30 in Paris.
    expect(toLocalDay(new Date("2021-10-31T23:30:00Z"), "Europe/London")).toBe("2021-10-31");
    expect(toLocalDay(new Date("2021-10-31T23:30:00Z"), "Europe/Paris")).toBe("2021-11-01");
    // 23:30 UTC in summer is already the next day in London.
    expect(toLocalDay(new Date("2021-07-01T23:30:00Z"), "Europe/London")).toBe("2021-07-02");
  });

  it("counts days as the calendar of Date does, from year 1 to 9999", () => {
    const dayMs = 86_400_000;
    const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const first = new Date(0).setUTCFullYear(1, 0, 1);
    const last = new Date(0).setUTCFullYear(9999, 11, 31);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: (last - first) / dayMs }),
        fc.integer({ min: 0, max: (last - first) / dayMs }),
        (a, b) => {
          const [x, y] = [dayOf(first + a * dayMs), dayOf(first + b * dayMs)];
          expect(daysBetween(x, y)).toBe(b - a);
          expect(daysBetween("1970-01-01", x)).toBe(Math.round((first + a * dayMs) / dayMs));
        },
      ),
    );
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2100-02-28", "2100-03-01")).toBe(1);
    expect(daysBetween("2000-02-28", "2000-03-01")).toBe(2);
  });

  it("shifting forth and back returns the same day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: -2000, max: 2000 }),
        (offset, n) => {
          const day = shiftDay("1950-01-01", offset);
          expect(shiftDay(shiftDay(day, n), -n)).toBe(day);
          expect(daysBetween(day, shiftDay(day, n))).toBe(n);
        },
      ),
    );
  });
});
