import { describe, expect, it } from "vitest";
import type { ArticleDraft } from "./article-draft.js";
import { cleanDraft } from "./clean-draft.js";

function draft(paragraphs: string[], title = "A story"): ArticleDraft {
  return { title, paragraphs, dates: [], origin: { path: "a.jsonl", format: "jsonl" } };
}

const STORY = [
  "Engineers lowered a new cap over the leaking well on Monday, the company said.",
  "The cap is the third attempt to stop the flow since the rig sank in April.",
];

describe("cleanDraft", () => {
  it("moves credits, sign-offs and copyright lines to the furniture, in any format", () => {
    const cleaned = cleanDraft(
      draft([
        ...STORY,
        "Fahrenthold reported from Washington.",
        "Staff writers Juliet Eilperin and Steve Mufson also contributed to this report.",
        "(Reporting by Tom Hals; editing by Andre Grenon) An ultra-low latency infrastructure for electronic trading.",
        "© 2010 Thomson Reuters. All rights reserved.",
        "A version appeared on p22 of the Main section section of the Guardian on 20.47 GMT on Tuesday 9 November 2010 The latest news and comment from our team of reporters, writers and editors in the US Auto update every minute On | Off",
        "A version of this article appears in print on June 2, 2010, on Page A1 of the New York edition with the headline: Cap Lowered.",
      ]),
    );
    expect(cleaned.paragraphs).toEqual(STORY);
    expect(cleaned.furniture).toHaveLength(6);
  });

  it("cuts a bracketed credit closing a paragraph and keeps the prose before it", () => {
    const cleaned = cleanDraft(
      draft([`${STORY[0]} (Additional reporting by Jane Roe in London)`, STORY[1] as string]),
    );
    expect(cleaned.paragraphs).toEqual(STORY);
    expect(cleaned.furniture).toEqual(["(Additional reporting by Jane Roe in London)"]);
  });

  it("leaves out reader comments: from the one before the first of several marks to the end", () => {
    const cleaned = cleanDraft(
      draft([
        ...STORY,
        "This is a disgrace and BP should pay for every bird.",
        "January 31, 2011 at 6:57 pm | Reply",
        "I agree with the above, they knew the risks.",
        "February 1, 2011 at 9:02 am | Report abuse | Reply",
      ]),
    );
    expect(cleaned.paragraphs).toEqual(STORY);
    expect(cleaned.furniture).toHaveLength(4);
  });

  it("leaves out a slideshow's captions, told by the agency credit after each, and keeps the story", () => {
    const cleaned = cleanDraft(
      draft([
        "May 4 : Workers put the finishing touches on the containment dome in Port Fourchon.",
        "AFP/Getty Images May 5 : Gathered, concentrated oil burns during a controlled fire.",
        "Oil and sheen are seen moving past a rig in the waters of Chandeleur Sound, La.",
        "AP2010 NEW ORLEANS -- Engineers lowered a new cap over the leaking well on Monday, the company said.",
        STORY[1] as string,
      ]),
    );
    expect(cleaned.paragraphs).toEqual([
      "NEW ORLEANS -- Engineers lowered a new cap over the leaking well on Monday, the company said.",
      STORY[1],
    ]);
    expect(cleaned.furniture).toHaveLength(4);
  });

  it("leaves out the lead picture's caption, a picture's day before the story's dateline", () => {
    const cleaned = cleanDraft(
      draft([
        "June 8: The Discoverer Enterprise burns off gas as it takes on oil from the wellhead.",
        `GRAND ISLE, La. -- ${STORY[0]}`,
        "April 22: The rig sinks.",
        STORY[1] as string,
      ]),
    );
    expect(cleaned.paragraphs).toEqual([
      `GRAND ISLE, La. -- ${STORY[0]}`,
      "April 22: The rig sinks.",
      STORY[1],
    ]);
  });

  it("keeps a paragraph before one that opens with a news agency's name as its subject", () => {
    const cleaned = cleanDraft(
      draft([STORY[0] as string, "Reuters reported the cap held overnight."]),
    );
    expect(cleaned.paragraphs).toEqual([STORY[0], "Reuters reported the cap held overnight."]);
  });

  it("keeps prose that only mentions reporting, and undoes treebank tokens first", () => {
    const prose = [
      "Reporters from Washington said the reporting by the company had been misleading all along.",
      "Smith reported from Kabul that the talks had stalled over the release of prisoners.",
    ];
    expect(cleanDraft(draft(prose)).paragraphs).toEqual(prose);
    const dump = cleanDraft(
      draft(
        [
          "BP 's chief said `` we 're on it '' , and the cap held , the company said on Monday .",
          "-LRB- Reporting by Tom Hals ; editing by Andre Grenon -RRB- We welcome comments .",
        ],
        "BP 's cap holds",
      ),
    );
    expect(dump.title).toBe("BP's cap holds");
    expect(dump.paragraphs).toEqual([
      "BP's chief said “we're on it”, and the cap held, the company said on Monday.",
    ]);
  });
});
