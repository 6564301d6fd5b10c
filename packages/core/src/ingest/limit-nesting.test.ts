import { describe, expect, it } from "vitest";
import { limitNesting } from "./limit-nesting.js";
import { parseHtml } from "./parse-html.js";

const STORY =
  "<p>Engineers lowered a new cap over the leaking well on Monday, the company said in a statement.</p>" +
  "<p>The cap is the third attempt to stop the flow since the rig sank in April, killing eleven workers.</p>";

function nested(levels: number, tag = "div"): string {
  return `<!doctype html><html><head><title>Cap lowered</title></head><body>${`<${tag}>`.repeat(levels)}${STORY}${`</${tag}>`.repeat(levels)}</body></html>`;
}

describe("limitNesting", () => {
  it("leaves a page within the limit as it is and says how deep it goes", () => {
    const html = nested(30);
    expect(limitNesting(html)).toEqual({ html, depth: 30 });
  });

  it("counts neither void elements, self-closed ones, implied ends, comments nor script text", () => {
    const html = `<div><br><img src="a"><p>one<p>two<li>x<li>y<x/><!-- <div><div> --><script>"<div><div>"</script></div>`;
    expect(limitNesting(html, 1)).toEqual({ html, depth: 1 });
  });

  it("unwraps what lies deeper than the limit and keeps its text and paragraphs", () => {
    const { html, depth } = limitNesting(nested(500), 10);
    expect(depth).toBe(500);
    expect(html.match(/<div>/g)).toHaveLength(10);
    expect(html.match(/<\/div>/g)).toHaveLength(10);
    expect(html).toContain(STORY);
  });

  it("lets a page nested 100,000 levels deep be read like a flat one", () => {
    const draft = parseHtml(nested(100_000), { path: "deep.html", format: "html" });
    expect(draft?.title).toBe("Cap lowered");
    expect(draft?.paragraphs).toHaveLength(2);
    const unclosed = parseHtml(nested(100_000, "span").replace(/<\/span>/g, ""), {
      path: "unclosed.html",
      format: "html",
    });
    expect(unclosed?.paragraphs.join(" ")).toContain("killing eleven workers");
  });
});
