import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosine, sparseDot, sparseVectors, tfIdfVectors } from "./tf-idf.js";

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

  it("number terms in ascending order with unit length", () => {
    const [v] = sparseVectors([["truce", "talk", "truce"], ["talk"]]);
    expect([...v!.terms]).toEqual([0, 1]);
    expect(sparseDot(v!, v!)).toBeCloseTo(1, 12);
  });
});
