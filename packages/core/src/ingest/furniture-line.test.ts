import { describe, expect, it } from "vitest";
import { isFurnitureLine } from "./furniture-line.js";

describe("isFurnitureLine", () => {
  it.each([
    "PUBLISHED: 10:48, Tue, Nov 19, 2019",
    "| UPDATED: 11:05, Tue, Nov 19, 2019",
    "Posted: Fri 6:45 PM, Feb 16, 2018 |",
    "Updated at 1:23 p.m.",
    "Published 1 day ago",
    "By Paul Takahashi",
    "By Justine Coleman - 11/18/19 11:04 PM EST",
    "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
    "Image 2 of 5",
    "1of4 Rescuers search the rubble on Monday.",
    "(Image credit: Blue Origin)",
    "Photo credit: NASA Goddard.",
    "China has warned they will cease control of Hong Kong (Image: GETTY )",
    "A long row of unsold vehicles sits at a dealership in Littleton, Colo. (AP Photo/David Zalubowski)",
    "The latest case was reported after a hunter killed and ate a rabbitCredit: Getty - Contributor",
    "Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18) retrieved 20 November 2019 from https://phys.org/news/x.html",
  ])("is furniture: %s", (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    "By Monday, engineers had lowered a new cap over the well.",
    "By June the spill had reached the Louisiana coast",
    "By then BP had spent $3 billion",
    "Published in 2010, the report found that the well's cement had failed.",
    "Posted by kiwidave | Report as abusive",
    "The company said 11 of 126 workers on the rig were missing.",
    "Credit rating agencies cut BP's rating on Tuesday.",
    "Engineers lowered a new cap over the leaking well on Monday (the third attempt since April).",
  ])("is the story's: %s", (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});
