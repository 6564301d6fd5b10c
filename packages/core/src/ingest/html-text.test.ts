import { describe, expect, it } from "vitest";
import { htmlToParagraphs, htmlToText } from "./html-text.js";

describe("htmlToParagraphs", () => {
  it("keeps bare text outside any block, in document order, each run ended by a block or a <br>", () => {
    const paragraphs = htmlToParagraphs(`
      <section>We bring you the best deals we have found today on games and hardware.
        <h2>Controller for $39.99</h2>
        The price of the controller has dropped to <b>Black Friday</b> levels already.<br>
        Get it on Amazon for $39.99
        <p>A second deal follows in a paragraph of its own.</p>
      </section>`);
    expect(paragraphs).toEqual([
      "We bring you the best deals we have found today on games and hardware.",
      "Controller for $39.99",
      "The price of the controller has dropped to Black Friday levels already.",
      "Get it on Amazon for $39.99",
      "A second deal follows in a paragraph of its own.",
    ]);
  });

  it("leaves out bare labels and addresses, but not a short sentence", () => {
    const paragraphs = htmlToParagraphs(`
      <div>Sign In</div><div>https://news.example/story-1234.php</div>
      <p>The harbour reopened on Tuesday morning.</p><div>It rained.</div>`);
    expect(paragraphs).toEqual(["The harbour reopened on Tuesday morning.", "It rained."]);
  });

  it("splits a fragment without elements at its blank lines", () => {
    expect(htmlToParagraphs("First part &amp; more.\n\nSecond part.")).toEqual([
      "First part & more.",
      "Second part.",
    ]);
    expect(htmlToText("<b>Cap</b> &amp; well")).toBe("Cap & well");
    expect(
      htmlToParagraphs(
        "Engineers lowered a new cap over the well on <b>Monday</b>.\n\nThe flow stopped an hour later, the company said.",
      ),
    ).toEqual([
      "Engineers lowered a new cap over the well on Monday.",
      "The flow stopped an hour later, the company said.",
    ]);
  });
});
