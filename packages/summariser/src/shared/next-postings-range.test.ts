import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextPostingsRange } from "./next-postings-range.js";

const following = (list: number[], after: number, limit: number) =>
  list.slice(...nextPostingsRange(list, after, limit));

describe("nextPostingsRange", () => {
  it("takes the entries after the item, up to the limit", () => {
    expect(following([1, 4, 6, 9, 12], 4, 2)).toEqual([6, 9]);
    expect(following([1, 4, 6, 9, 12], 5, 10)).toEqual([6, 9, 12]);
    expect(following([1, 4], 4, 3)).toEqual([]);
    expect(following([], 0, 3)).toEqual([]);
  });

  it("agrees with a filter over the whole list", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(500)).map((xs) => xs.sort((a, b) => a - b)),
        fc.nat(500),
        fc.integer({ min: 0, max: 20 }),
        (list, after, limit) => {
          expect(following(list, after, limit)).toEqual(
            list.filter((x) => x > after).slice(0, limit),
          );
        },
      ),
    );
  });
});
