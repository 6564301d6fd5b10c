import fc from "fast-check";

/**
 * Property-test input: sentences of 1 to `maxWords` words drawn from a vocabulary, joined by
 * spaces.
 */
export function sentencesOf(words: readonly string[], maxWords: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...words), { minLength: 1, maxLength: maxWords })
    .map((drawn) => drawn.join(" "));
}
