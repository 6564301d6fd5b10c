import { describe, expect, it } from "vitest";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.js";

const SECRET = "a-secret-of-sixteen-or-more";

describe("unsubscribe tokens", () => {
  it("say whom they unsubscribe and verify only under the secret that signed them", () => {
    const token = unsubscribeToken(SECRET, "riverton", "Ana@Example.org");
    expect(token).toMatch(/^[\w-]+\.[\w-]{22}$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({
      digest: "riverton",
      address: "ana@example.org",
    });
    expect(verifyUnsubscribeToken("another-secret-of-16-chars", token)).toBeNull();
  });

  it("refuse altered and forged tokens", () => {
    const token = unsubscribeToken(SECRET, "riverton", "ana@example.org");
    const [payload, mac] = token.split(".") as [string, string];
    const other = Buffer.from("riverton\nbo@example.org").toString("base64url");
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    for (const bad of [
      `${other}.${mac}`,
      `${payload}.${flipped}`,
      `${payload}.`,
      payload,
      "",
      "a.b.c",
    ])
      expect(verifyUnsubscribeToken(SECRET, bad), bad).toBeNull();
  });

  it("are never signed by a short or missing secret", () => {
    expect(() => unsubscribeToken("", "riverton", "ana@example.org")).toThrow(/16 characters/);
    expect(() => unsubscribeToken("short", "riverton", "ana@example.org")).toThrow();
  });
});
