import { describe, expect, it } from "vitest";
import { htmlToParagraphs } from "./html-text.js";

const STORY = [
  "Engineers lowered a new cap over the leaking well on Monday, the company said in a statement.",
  "The cap is the third attempt to stop the flow since the rig sank in April, killing eleven workers.",
  "Officials said they would know within two days whether the cap was holding against the pressure.",
];
const body = STORY.map((p) => `<p>${p}</p>`).join("");

describe("prunePageFurniture (through htmlToParagraphs)", () => {
  it("leaves out captions, menus, share bars and boxes named as furniture", () => {
    const paragraphs = htmlToParagraphs(`
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
      <figure><img src="a.jpg"><figcaption>Oil on the water off Louisiana.</figcaption></figure>
      <div class="byline-block"><p>Jane Roe, Energy correspondent</p></div>
      ${body}
      <div class="social-share"><p>Share this story on Facebook and Twitter with your friends</p></div>
      <div class="related-stories"><h3>More on this</h3><p>Earlier spills in the Gulf and what they cost the region</p></div>`);
    expect(paragraphs).toEqual(STORY);
  });

  it("leaves out link-dense lists and one-link teasers but keeps a sentence with a link in it", () => {
    const teasers = ["Cap holds", "Shares fall", "Rig workers speak", "Coast braces"]
      .map((t) => `<li><a href="/x">${t} as the spill enters its third month</a></li>`)
      .join("");
    const paragraphs = htmlToParagraphs(`
      ${body}
      <p>The spill, <a href="/spill">the largest in US waters</a>, has closed fisheries along the coast.</p>
      <ul>${teasers}</ul>
      <p><a href="/more">Read more: how the well was capped</a></p>`);
    expect(paragraphs).toEqual([
      ...STORY,
      "The spill, the largest in US waters, has closed fisheries along the coast.",
    ]);
  });

  it("keeps a box holding most of the article whatever it is called, and a name that says 'no caption'", () => {
    const paragraphs = htmlToParagraphs(`
      <div class="article comments-enabled">${body}</div>
      <div class="item no_caption"><h2>Engineers are confident the cap will hold this time.</h2></div>
      <p><span class="dateline">HOUSTON —</span> BP's shares rose on the news.</p>`);
    expect(paragraphs).toEqual([
      ...STORY,
      "Engineers are confident the cap will hold this time.",
      "HOUSTON — BP's shares rose on the news.",
    ]);
  });
});
