import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse-text.js";
import { detectEventKind } from "./detect-event-kind.js";

const read = (text: string) => detectEventKind(analyseText(text)[0]?.tokens ?? []);

describe("detectEventKind", () => {
  it.each([
    ["Taliban fighters attacked checkpoints in Panjshir on Sunday.", "offensive"],
    ["Kabul fell to the Taliban on Sunday.", "capture"],
    ["Fahim Dashti was killed in the fighting on Sunday.", "casualty"],
    ["Delegations from both sides held talks in Tehran.", "talks"],
    ["The two sides signed a ceasefire agreement on Monday.", "agreement"],
    ["Massoud proposed a ceasefire to end the fighting.", "proposal"],
    ["US forces completed their withdrawal on August 31.", "withdrawal"],
    ["The council appointed a new governor on Friday.", "appointment"],
    ["The spokesman said the front was ready.", "statement"],
    ["The weather was mild across the valley.", "other"],
  ])("reads %j as %s", (text, kind) => {
    expect(read(text).kind).toBe(kind);
  });

  it("takes the first trigger of the main clause, not one of a relative clause", () => {
    const found = read(
      "The first direct talks between the Front and the movement, which has seized power, were held on Wednesday.",
    );
    expect(found).toEqual({ kind: "talks", trigger: "talks" });
  });

  it("counts a statement only when nothing else is reported", () => {
    expect(read("Officials said the talks would resume in Doha.").kind).toBe("talks");
  });
});
