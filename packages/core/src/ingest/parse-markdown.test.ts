import { describe, expect, it } from "vitest";
import { CorpusError } from "./errors.js";
import { parseMarkdown } from "./parse-markdown.js";

const origin = { path: "story.md", format: "markdown" } as const;

describe("parseMarkdown", () => {
  it("reads front matter fields and the body's paragraphs as plain text", () => {
    const text = [
      "---",
      "title: Bridge reopens after repairs",
      "date: 2023-04-05",
      "publisher: The Example Times",
      "url: https://example.org/bridge",
      "author: Jane Roe",
      "---",
      "# A heading that is not the title",
      "",
      "The **old bridge** reopened on [Wednesday](https://example.org/w) after repairs.",
      "",
      "> Traffic was light, a spokesman said.",
      "",
      "- First item of a list.",
    ].join("\n");
    const draft = parseMarkdown(text, origin);
    expect(draft.title).toBe("Bridge reopens after repairs");
    expect(draft.paragraphs).toEqual([
      "The old bridge reopened on Wednesday after repairs.",
      "Traffic was light, a spokesman said.",
      "First item of a list.",
    ]);
    expect(draft.publisher).toBe("The Example Times");
    expect(draft.url).toBe("https://example.org/bridge");
    expect(draft.byline).toBe("Jane Roe");
    expect(draft.dates).toEqual([{ text: "2023-04-05", rule: "front-matter:date" }]);
  });

  it("takes the first heading as the title when front matter has none", () => {
    const draft = parseMarkdown("# Port strike ends\n\nDock workers returned on Monday.", origin);
    expect(draft.title).toBe("Port strike ends");
    expect(draft.paragraphs).toEqual(["Dock workers returned on Monday."]);
  });

  it("decodes HTML entities and drops inline HTML", () => {
    const draft = parseMarkdown("# T\n\nProfits rose 5% &amp; costs fell <b>sharply</b>.", origin);
    expect(draft.paragraphs).toEqual(["Profits rose 5% & costs fell sharply."]);
  });

  it("rejects front matter that is not a mapping, naming the file", () => {
    expect(() => parseMarkdown("---\n- a\n- b\n---\nText.", origin)).toThrow(CorpusError);
    expect(() => parseMarkdown("---\n- a\n---\nText.", origin)).toThrow(
      /front matter: expected a mapping of fields, found a list/,
    );
  });

  it("rejects front matter that is not YAML", () => {
    expect(() => parseMarkdown("---\ntitle: [unclosed\n---\nText.", origin)).toThrow(
      /not valid YAML/,
    );
  });
});
