import { describe, expect, it } from "vitest";
import { rougeStem } from "./rouge-stem.js";

describe("rougeStem", () => {
  it("follows Porter's steps", () => {
    expect(
      ["caresses", "ponies", "agreed", "hopping", "filing", "happy", "relational", "hopeful"].map(
        rougeStem,
      ),
    ).toEqual(["caress", "poni", "agre", "hop", "file", "happi", "relat", "hope"]);
  });

  it("tries -ment and -ent after the other step-4 suffixes, as ROUGE-1.5.5 does", () => {
    expect(rougeStem("statement")).toBe("statem");
    expect(rougeStem("government")).toBe("govern");
    expect(rougeStem("congressional")).toBe("congress");
  });

  it("keeps an initial y a consonant", () => {
    expect(rougeStem("yielding")).toBe("yield");
  });
});
