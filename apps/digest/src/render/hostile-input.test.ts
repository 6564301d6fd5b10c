import { parseHTML } from "linkedom";
import { Lexer, type Token } from "marked";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderText } from "./render-text.js";
import { HOSTILE, hostileBriefing } from "./test-support/hostile-briefing.js";

const recipient = { name: "<b>Ana</b>", unsubscribeUrl: "https://list.example/u?t=1&x=2" };

describe("hostile article text", () => {
  it("stays inert in the email HTML and still reads", async () => {
    const { html, text } = await renderEmail(hostileBriefing(), { recipient });
    const { document } = parseHTML(html);
    expect(document.querySelectorAll("script, img, iframe, object, embed, form")).toHaveLength(0);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) expect(attribute.name).not.toMatch(/^on/i);
      expect(element.tagName.toLowerCase()).not.toMatch(/^mj-/);
    }
    for (const link of document.querySelectorAll("a[href]"))
      expect(link.getAttribute("href")).toMatch(/^(https?:|mailto:|#src-\d+$)/);
    const body = document.body.textContent ?? "";
    expect(body).toContain("<script>alert('x')</script>Breaking");
    expect(body).toContain('<img src=x onerror="alert(1)"> shelling');
    expect(body).toContain("</mj-text><mj-raw><b>raw</b></mj-raw> talks");
    expect(body).toContain("مرحبا بالعالم שלום");
    expect(body).toContain("🕊️🔥");
    expect(body).toContain(HOSTILE.longWord);
    expect(body).toContain("Hello <b>Ana</b>,");
    expect(body).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uF8FF]/);
    // The only unsubscribe link is the recipient's; the forged slot mark in the text did nothing.
    expect(html.match(/Unsubscribe/g)).toHaveLength(1);
    expect(text.match(/Unsubscribe:/g)).toHaveLength(1);
  });

  it("cannot change the Markdown's structure", () => {
    const markdown = renderMarkdown(hostileBriefing());
    const tokens = new Lexer({ gfm: true }).lex(markdown);
    const flat = (list: Token[]): Token[] =>
      list.flatMap((t) => [
        t,
        ...flat(("tokens" in t && t.tokens) || []),
        ...flat(("items" in t && (t.items as Token[])) || []),
      ]);
    const all = flat(tokens);
    const kinds = new Set(all.map((t) => t.type));
    for (const kind of ["html", "table", "hr", "blockquote", "image", "del"])
      expect(kinds).not.toContain(kind);
    const headings = tokens
      .filter((t) => t.type === "heading")
      .map((t) => (t as { depth: number }).depth);
    expect(headings.filter((d) => d === 1)).toHaveLength(1);
    const hrefs = all.filter((t) => t.type === "link").map((t) => (t as { href: string }).href);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/evil\.example\//);
    expect(markdown).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uF8FF]/);
    expect(markdown).toContain("مرحبا بالعالم שלום");
  });

  it("reads in plain text, with unsafe links left out (the file is shown instead)", () => {
    const text = renderText(hostileBriefing());
    expect(text).toContain("<script>alert('x')</script>Breaking");
    expect(text).toMatch(/^ {4}corpus\/x1\.txt$/m);
    expect(text).not.toMatch(/^\s*javascript:/m);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uF8FF]/);
    for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(76);
  });
});
