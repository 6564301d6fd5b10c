import { describe, expect, it } from "vitest";
import { titleFromLead } from "./build-article.js";

describe("titleFromLead", () => {
  it("makes a headline of the lead's first sentence, cut at a word", () => {
    expect(titleFromLead(["", "BP caps the well. Oil stops flowing into the Gulf."])).toBe(
      "BP caps the well",
    );
    expect(
      titleFromLead([
        "The US government has demanded immediate clarification from BP over its commitment to pay for the costs of the spill.",
      ]),
    ).toBe("The US government has demanded immediate clarification from BP over its commitment…");
    expect(titleFromLead([])).toBe("");
  });
});
