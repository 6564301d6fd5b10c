import { describe, expect, it } from "vitest";
import { detokenise, isTokenised } from "./detokenise.js";

const TOKENISED =
  "The Obama administration said it wanted to be sure BP would honor commitments not to limit payments to a US statutory cap of $ 75m -LRB- # 50m -RRB- . \nBP 's chief said `` we 're on it '' , and demanded ` clarification ' from the firm .";

describe("detokenise", () => {
  it("tells Penn Treebank text from ordinary prose", () => {
    expect(isTokenised(TOKENISED)).toBe(true);
    expect(
      isTokenised("The cap, he said, holds. It isn't over: BP's well (the deep one) leaks."),
    ).toBe(false);
    expect(isTokenised("Fighting resumed on Monday . Talks stalled .")).toBe(false);
  });

  it("writes it back as a reader expects: brackets, quotes, clitics, currency and spacing", () => {
    expect(detokenise(TOKENISED)).toBe(
      "The Obama administration said it wanted to be sure BP would honor commitments not to limit payments to a US statutory cap of $75m (£50m). BP's chief said “we're on it”, and demanded ‘clarification’ from the firm.",
    );
    expect(detokenise("It does n't work -LSB- sic -RSB- , they said .")).toBe(
      "It doesn't work [sic], they said.",
    );
    expect(detokenise("May 11\\/12 - Hearings open \\* in Washington .")).toBe(
      "May 11/12 - Hearings open * in Washington.",
    );
    // A sentence ending in an abbreviation keeps one period; an ellipsis stays.
    expect(
      detokenise("GM has 6,246 dealers in the U.S. . Markets closed for Martin Luther King Jr. ."),
    ).toBe("GM has 6,246 dealers in the U.S. Markets closed for Martin Luther King Jr.");
    expect(detokenise("He paused ... and went on .")).toBe("He paused ... and went on.");
  });
});
