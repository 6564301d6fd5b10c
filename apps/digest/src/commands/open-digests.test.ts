import { describe, expect, it } from "vitest";
import type { Config } from "../config/digest-config.js";
import { describeEvent, redactorOf } from "./open-digests.js";

describe("what digest commands print", () => {
  it("redacts the secret and the SMTP password in every form, and URL credentials anywhere", () => {
    const redact = redactorOf({
      secret: "token-secret-0123456789",
      transport: "smtps://desk:p%40ss%2Fword-99@mail.example.org:465",
      sources: [{ url: "https://reader:feed-pass-77@feeds.example/private.xml" }],
      state: "postgres://briefing:db-pass-55@db.example/briefing",
    } as Config);
    const line = redact(
      "secret token-secret-0123456789, password p@ss/word-99 or p%40ss%2Fword-99, other ftp://u:hunter2@x.example, feed feed-pass-77, db db-pass-55",
    );
    expect(line).toBe(
      "secret ***, password *** or ***, other ftp://u:***@x.example, feed ***, db ***",
    );
  });

  it("keeps each event on one line whatever its text holds", () => {
    const text = describeEvent({
      kind: "failed",
      digest: "daily",
      recipient: "ana@example.org",
      attempts: 1,
      error: "450 busy\r\nsent to bo@example.org",
      final: false,
    });
    expect(text).not.toMatch(/[\r\n]/);
    expect(text).toContain("450 busy sent to bo@example.org");
  });
});
