import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escape-markdown.js";

describe("escapeMarkdown", () => {
  it("escapes inline structure and HTML", () => {
    expect(escapeMarkdown("a *b* _c_ `d` [e](f) <script> | ~x~ & \\")).toBe(
      "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<script\\> \\| \\~x\\~ & \\\\",
    );
  });

  it("writes an & as an entity only where it would start a character reference", () => {
    expect(escapeMarkdown("S&P 500 and AT&T; Q & A")).toBe("S&P 500 and AT&amp;T; Q & A");
    expect(escapeMarkdown("&copy; &#169; &#xA9; &amp;")).toBe(
      "&amp;copy; &amp;#169; &amp;#xA9; &amp;amp;",
    );
  });

  it("escapes a leading block marker and folds line breaks", () => {
    expect(escapeMarkdown("# Title")).toBe("\\# Title");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("one\n# two")).toBe("one # two");
  });

  it("leaves ordinary text alone", () => {
    expect(escapeMarkdown("Talks (the first) ended - for now!")).toBe(
      "Talks (the first) ended - for now!",
    );
  });
});
