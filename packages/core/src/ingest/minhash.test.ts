import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMinHasher, jaccard } from "./minhash.js";

const hasher = createMinHasher({ hashes: 128, shingleSize: 3 });

describe("createMinHasher", () => {
  it("makes sorted, distinct shingle hashes that ignore case and punctuation", () => {
    const a = hasher.shingles("The quick brown fox jumps. The quick brown fox!");
    const b = hasher.shingles("the QUICK brown fox jumps the quick brown fox");
    expect([...a]).toEqual([...b]);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(a.length);
  });

  it("estimates Jaccard similarity from signatures", () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const x = hasher.shingles(words.join(" "));
    const y = hasher.shingles(
      words.slice(0, 300).join(" ") +
        " " +
        words
          .slice(300)
          .map((w) => `${w}x`)
          .join(" "),
    );
    const exact = jaccard(x, y);
    const [sx, sy] = [hasher.signature(x), hasher.signature(y)];
    const agree = sx.filter((value, i) => value === sy[i]).length / sx.length;
    expect(Math.abs(agree - exact)).toBeLessThan(0.12);
  });

  it("gives identical signatures for identical texts and is deterministic", () => {
    const text = "one two three four five six seven";
    expect([...createMinHasher().signature(createMinHasher().shingles(text))]).toEqual([
      ...createMinHasher().signature(createMinHasher().shingles(text)),
    ]);
  });

  it("treats a text shorter than a shingle as one shingle", () => {
    expect(createMinHasher({ shingleSize: 5 }).shingles("two words")).toHaveLength(1);
    expect(createMinHasher().shingles("")).toHaveLength(0);
  });
});

describe("jaccard", () => {
  it("is 1 for equal sets, 0 for disjoint ones, and symmetric", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000)), fc.uniqueArray(fc.nat(1000)), (xs, ys) => {
        const a = Uint32Array.from(xs).sort();
        const b = Uint32Array.from(ys).sort();
        const value = jaccard(a, b);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(jaccard(b, a)).toBe(value);
        expect(jaccard(a, a)).toBe(1);
      }),
    );
    expect(jaccard(Uint32Array.of(1, 2), Uint32Array.of(3, 4))).toBe(0);
    expect(jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4))).toBe(0.5);
  });
});
