import { describe, expect, it } from "vitest";
import type { Article } from "../model/article.js";
import { UNKNOWN_DATE } from "../model/date-estimate.js";
import { dayEstimate } from "./day-estimate.js";
import { inferCorpusDates, properNames } from "./infer-corpus-dates.js";

function article(id: string, paragraphs: string[], published = UNKNOWN_DATE): Article {
  return {
    id,
    title: `Story ${id}`,
    paragraphs,
    language: "en",
    published,
    origins: [{ path: `${id}.txt`, format: "text" }],
  };
}

const dated = article(
  "a",
  ["Rebels led by Ahmad Massoud held the Panjshir valley as Taliban forces gathered near Bazarak."],
  dayEstimate("2021-09-06", [{ text: "September 6, 2021", rule: "date-line" }], 0.7),
);
const yearless = article("b", [
  "On August 31, the last troops left, and the Taliban attacked Panjshir, where Massoud's men hold Bazarak.",
]);
const dateless = article("c", ["Massoud said the Panjshir resistance near Bazarak would go on."]);
const unrelated = article("d", ["The Bundesbank in Frankfurt kept its forecast for Bavaria."]);

describe("inferCorpusDates", () => {
  it("gives a yearless article the year of the articles that share its names", () => {
    const [, b] = inferCorpusDates([dated, yearless, dateless, unrelated]);
    expect([b?.published.start, b?.published.end]).toEqual(["2021-08-31", "2021-09-30"]);
    const context = b?.published.evidence.find((e) => e.rule === "inferred:corpus-context");
    expect(context?.text).toMatch(/sharing .*(bazarak|panjshir|massoud)/);
    expect(context?.text).toContain("Story a");
  });

  it("gives an article with no date of its own the context range, with low confidence", () => {
    const [, , c] = inferCorpusDates([dated, yearless, dateless, unrelated]);
    expect(c?.published.start).toBe("2021-08-31");
    expect(c?.published.end).toBe("2021-09-30");
    expect(c?.published.confidence).toBeLessThanOrEqual(0.2);
  });

  it("invents nothing for an article that shares no names with a dated one", () => {
    const [, , , d] = inferCorpusDates([dated, yearless, dateless, unrelated]);
    expect(d?.published).toEqual(UNKNOWN_DATE);
  });

  it("is deterministic and keeps the order", () => {
    const input = [unrelated, dateless, yearless, dated];
    const once = inferCorpusDates(input);
    expect(once.map((a) => a.id)).toEqual(["d", "c", "b", "a"]);
    expect(JSON.stringify(inferCorpusDates(input))).toBe(JSON.stringify(once));
  });
});

describe("properNames", () => {
  it("keeps capitalised words inside sentences and drops sentence openers and weekdays", () => {
    const text = "Fighting resumed on Sunday in Panjshir. Massoud's envoy met Saleh.";
    expect([...properNames(text)]).toEqual(["panjshir", "saleh"]);
  });
});
