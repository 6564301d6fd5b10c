import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url.js";

describe("canonicalUrl", () => {
  it("drops what tracks a click or names a spot in the page, and nothing that names the page", () => {
    const base = "https://news.example/world/quay?id=7&page=2";
    for (const variant of [
      "https://news.example/world/quay?page=2&id=7",
      "HTTPS://NEWS.EXAMPLE/world/quay/?id=7&page=2&utm_source=rss&utm_medium=feed",
      "https://news.example/world/quay?fbclid=abc&id=7&page=2#comments",
      "https://news.example:443/world/quay?id=7&gclid=x&page=2",
    ])
      expect(canonicalUrl(variant)).toBe(canonicalUrl(base));
    expect(canonicalUrl("https://news.example/world/quay?id=8")).not.toBe(canonicalUrl(base));
    expect(canonicalUrl("https://news.example/World/quay?id=7&page=2")).not.toBe(
      canonicalUrl(base),
    );
  });

  it("is undefined for what is not a web address", () => {
    for (const value of [
      undefined,
      "",
      "not a url",
      "mailto:desk@news.example",
      "file:///etc/passwd",
    ])
      expect(canonicalUrl(value)).toBeUndefined();
  });
});
