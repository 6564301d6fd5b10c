import { describe, expect, it } from "vitest";
import { gluedHeadline, leansOnContext, sentenceQuality } from "./sentence-quality.js";

describe("sentenceQuality", () => {
  it("takes a plain statement as an entry, and no caption, question, fragment or code", () => {
    expect(sentenceQuality("BP closed the new cap on the well and the flow of oil stopped.")).toBe(
      1,
    );
    for (const poor of [
      "Oil is seen gushing around the cap placed by BP during efforts to contain the leak.",
      "Workers are pictured cleaning a beach in Grand Isle, Louisiana, on Monday (AP Photo/Dave Martin).",
      "Workers clean up oil on a beach in Port Fourchon, Louisiana, May 24, 2010.",
      "A BP petrol station closed due to a Greenpeace protest, in Camden, London, 27 July 2010.",
      "Will the cap hold when the next storm reaches the Gulf of Mexico this week?",
      "and then the company said it would pay for the whole clean-up of the coast.",
      "L) oil spill in the Gulf of Mexico, Moody's Investor Service said in a report on Thursday.",
      "Then the loop checks the pages: if (mprotect(pages[0], size, PROT_READ) != 0) { return 4; }",
      "The US and Europe ignore it This article appeared on p20 of the Main section of the Observer on Sunday 30 May 2010.",
      "A version of this article appears in print on June 2, 2010, on page A1 of the New York edition.",
    ])
      expect(sentenceQuality(poor)).toBeLessThan(0.5);
    // Prose with a bracket, a semicolon list or a comparison is still prose.
    for (const prose of [
      "The council (which met on Monday) approved the plan; Riverton, Easton and Weston agreed.",
      "Temperatures above 40 degrees (104 F) closed schools in Seville, Cordoba and Jaen on Friday.",
      // A story's own day, told as stories tell it.
      "The tanker ran aground in Prince William Sound on Friday, March 24, 1989.",
    ])
      expect(sentenceQuality(prose)).toBe(1);
  });
});

describe("leansOnContext", () => {
  it("tells a sentence that leans on the one before it", () => {
    for (const text of [
      "However, Fitch said the impact on BP's rating remained limited.",
      "Meanwhile the slick reached the Florida Keys.",
      "In the Gulf: BP said it had spent $2 billion.",
      "Graham said such a person should have a background in science.",
    ])
      expect(leansOnContext(text), text).toBe(true);
    for (const text of [
      "BP closed a new cap on the well on 15 July.",
      "This week BP said it had spent $2 billion.",
      "Agencies such as the Coast Guard joined the clean-up.",
    ])
      expect(leansOnContext(text), text).toBe(false);
  });
});

describe("gluedHeadline", () => {
  it("tells a page's headline run into the sentence after it", () => {
    expect(
      gluedHeadline(
        "Oil spill costs grow but not big enough to cause recession The ecological damage in the Gulf is a new worry.",
      ),
    ).toBe(true);
    expect(
      gluedHeadline("What BP should have done This morning a committee released its report."),
    ).toBe(true);
    for (const text of [
      "BP chief Tony Hayward told The Associated Press on Monday that the new cap would hold.",
      "The cap held through the night, and on Friday the well was sealed.",
    ])
      expect(gluedHeadline(text), text).toBe(false);
  });
});
