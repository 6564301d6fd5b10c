import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse-text.js";
import { findNames } from "./find-names.js";

const namesIn = (text: string) =>
  analyseText(text).flatMap((sentence) => findNames(sentence).map((n) => n.text));

describe("findNames", () => {
  it("reads runs of proper nouns joined by connectors, titles left out", () => {
    expect(
      namesIn("Former Vice President Amrullah Saleh met the Bank of England on Monday."),
    ).toEqual(["Amrullah Saleh", "Bank of England"]);
  });

  it("reads a title word that opens an institution's name as part of it", () => {
    expect(
      namesIn(
        "General Motors Corporation and General Electric asked the General Assembly and Major League Baseball for help.",
      ),
    ).toEqual([
      "General Motors Corporation",
      "General Electric",
      "General Assembly",
      "Major League Baseball",
    ]);
    expect(namesIn("General David Petraeus met Major Smith in Kabul.")).toEqual([
      "David Petraeus",
      "Smith",
      "Kabul",
    ]);
    expect(
      namesIn("Attorney General Eric Holder and Surgeon General Regina Benjamin spoke."),
    ).toEqual(["Eric Holder", "Regina Benjamin"]);
    expect(
      namesIn(
        "Chief Executive Tony Hayward and Chief Executive Officer Bob Dudley met the Executive Council.",
      ),
    ).toEqual(["Tony Hayward", "Bob Dudley", "Executive Council"]);
  });

  it("takes a role in apposition after a name for a person's", () => {
    const personCues = (text: string) =>
      analyseText(text).flatMap((sentence) =>
        findNames(sentence).map((n) => `${n.text} ${n.cues.person}`),
      );
    expect(
      personCues(
        "Fahim Dashti, spokesman for the group, was killed, according to Fahim Fetrat, a journalist from the region.",
      ),
    ).toEqual(["Fahim Dashti 1", "Fahim Fetrat 1"]);
    expect(personCues("They reached Kabul, the capital, and Mazar, a former base.")).toEqual([
      "Kabul 0",
      "Mazar 0",
    ]);
  });

  it("takes a country named as states or a kingdom for a place", () => {
    const placeCues = (text: string) =>
      analyseText(text).flatMap((sentence) =>
        findNames(sentence).map((n) => `${n.text} ${n.cues.place}`),
      );
    expect(
      placeCues("The United States and the United Kingdom backed the Gulf States on Monday."),
    ).toEqual(["United States 2", "United Kingdom 2", "Gulf States 2"]);
  });

  it("reads no time zone or half of the day as a name", () => {
    expect(
      namesIn("WASHINGTON | Wed Dec 15, 2010 6:14 pm EST (Reuters) - The Senate voted."),
    ).toEqual(["WASHINGTON", "Reuters", "Senate"]);
  });

  it("takes no function word of a headline in capitals for an acronym", () => {
    const names = namesIn("STATEMENT OF OBAMA ON THE OIL SPILL AND BP");
    expect(names).toContain("BP");
    expect(names.filter((n) => /^(OF|ON|AND|THE)\b/.test(n))).toEqual([]);
  });
});
