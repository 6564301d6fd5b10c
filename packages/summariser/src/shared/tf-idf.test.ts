import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cosine,
  denseDot,
  sparseDot,
  sparseVectors,
  spread,
  termCount,
  tfIdfVectors,
} from "./tf-idf.js";

describe("sparseVectors", () => {
  it("give the same cosines as the map vectors", () => {
    const bag = fc.array(fc.constantFrom("talk", "valley", "attack", "envoy", "truce", "road"), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(bag, { minLength: 2, maxLength: 8 }), (bags) => {
        const maps = tfIdfVectors(bags);
        const sparse = sparseVectors(bags);
        for (let i = 0; i < bags.length; i++)
          for (let j = 0; j < bags.length; j++)
            expect(sparseDot(sparse[i]!, sparse[j]!)).toBeCloseTo(cosine(maps[i]!, maps[j]!), 12);
      }),
    );
  });

  it("give through a spread vector the very sums of sparseDot", () => {
    const bag = fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(bag, { minLength: 2, maxLength: 10 }), (bags) => {
        const sparse = sparseVectors(bags);
        const dense = new Float64Array(termCount(sparse));
        for (const a of sparse) {
          spread(a, dense);
          for (const b of sparse) expect(denseDot(dense, b)).toBe(sparseDot(a, b));
          spread(a, dense, true);
          expect(dense.every((x) => x === 0)).toBe(true);
        }
      }),
    );
  });

  it("number terms in ascending order with unit length", () => {
    const [v] = sparseVectors([["truce", "talk", "truce"], ["talk"]]);
    expect([...v!.terms]).toEqual([0, 1]);
    expect(sparseDot(v!, v!)).toBeCloseTo(1, 12);
  });
});
