import fc from "fast-check";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { fillSlots, type SlotTemplate } from "../render/slot-template.js";
import { composeMessage, type OutgoingMessage } from "./compose-message.js";

const template = (parts: string[]): SlotTemplate => ({
  parts,
  slots: parts.slice(1).map((_, i) => (i % 2 === 0 ? "greeting" : "unsubscribe")),
});

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const html = template(["<p>Hello</p>", "<p>body</p>", ""]);
  const text = template(["Hello\n", "\nbody", ""]);
  return {
    from: "Riverton Desk <desk@riverton.example>",
    to: "ana@riverton.example",
    subject: "Harbour Bridge: repairs",
    messageId: "<r1.ana@riverton.example>",
    date: new Date("2026-01-10T07:00:00Z"),
    headers: { "List-Id": "<daily.riverton.example>" },
    html: { template: html, values: { greeting: "<b>Ana</b>", unsubscribe: "<a href=x>u</a>" } },
    text: { template: text, values: { greeting: "Hello Ana,", unsubscribe: "Unsubscribe: x" } },
    ...overrides,
  };
}

const lf = (text: string) => text.replace(/\r\n?/g, "\n");

describe("composeMessage", () => {
  it("builds a multipart/alternative message a mail reader reads back exactly", async () => {
    const composed = composeMessage(message({ to: "Ana Lima <ana@riverton.example>" }));
    expect(composed.envelope).toEqual({
      from: "desk@riverton.example",
      to: ["ana@riverton.example"],
    });
    const parsed = await simpleParser(composed.raw);
    expect(parsed.subject).toBe("Harbour Bridge: repairs");
    expect(parsed.messageId).toBe("<r1.ana@riverton.example>");
    expect(parsed.date?.toISOString()).toBe("2026-01-10T07:00:00.000Z");
    expect(parsed.from?.value).toEqual([
      { name: "Riverton Desk", address: "desk@riverton.example" },
    ]);
    expect(parsed.headerLines.find((h) => h.key === "list-id")?.line).toBe(
      "List-Id: <daily.riverton.example>",
    );
    expect(lf(parsed.text ?? "")).toBe("Hello\nHello Ana,\nbodyUnsubscribe: x");
    expect(parsed.html).toBe("<p>Hello</p><b>Ana</b><p>body</p><a href=x>u</a>");
  });

  it("encodes any name, subject and body so that they read back unchanged, in lines of 76 characters at most", async () => {
    // Text as digests carry it: any Unicode, quotes, commas, lines of one dot, long lines,
    // trailing spaces, bare CRs and LFs.
    const piece = fc.string({
      unit: fc.oneof(
        fc.constantFrom(".", "\n", "\r\n", " ", "=", '"', ",", "<", "é", "—", "😀", "x", "\t"),
        fc.string({ maxLength: 90 }),
      ),
      maxLength: 40,
    });
    const name = fc.string({
      unit: fc.constantFrom("a", "Z", " ", '"', ",", "é", "😀", "\\", "("),
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 1, maxLength: 5 }),
        piece,
        piece,
        name,
        fc.string({ maxLength: 120 }),
        async (parts, greeting, unsubscribe, who, subject) => {
          const html = template(parts);
          const values = { greeting, unsubscribe };
          const out = composeMessage(
            message({
              to: who.trim()
                ? `${JSON.stringify(who)} <ana@riverton.example>`
                : "ana@riverton.example",
              subject,
              html: { template: html, values },
              text: { template: html, values },
            }),
          );
          const raw = out.raw.toString("latin1");
          const [head, body] = [
            raw.slice(0, raw.indexOf("\r\n\r\n")),
            raw.slice(raw.indexOf("\r\n\r\n")),
          ];
          expect([...raw].every((c) => c.charCodeAt(0) < 128)).toBe(true);
          expect(raw.split("\r\n").some((line) => line.includes("\r") || line.includes("\n"))).toBe(
            false,
          );
          for (const line of body.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
          for (const line of head.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
          const parsed = await simpleParser(out.raw);
          const expected = lf(fillSlots(html, values));
          // mailparser reads an empty text part as one newline, and an empty HTML part as none.
          const text = lf(parsed.text ?? "");
          expect(expected === "" && text === "\n" ? "" : text).toBe(expected);
          expect(lf(parsed.html === false ? "" : (parsed.html ?? ""))).toBe(expected);
          expect(parsed.subject ?? "").toBe(subject.replace(/[\r\n]+/g, " ").trim());
          expect(out.envelope.to).toEqual(["ana@riverton.example"]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives an international domain in its ASCII form and refuses a field with no address", () => {
    expect(composeMessage(message({ to: "Jõgeva <ana@jõgeva.ee>" })).envelope.to).toEqual([
      "ana@xn--jgeva-dua.ee",
    ]);
    expect(() => composeMessage(message({ to: "nobody at all" }))).toThrow(
      /to: expected an email address, found "nobody at all"/,
    );
  });

  it("encodes each compiled part once: a second recipient's message reuses it", () => {
    const first = message();
    const again = composeMessage({
      ...first,
      to: "bo@riverton.example",
      html: { template: first.html.template, values: { greeting: "<b>Bo</b>", unsubscribe: "" } },
    });
    expect(again.raw.toString("latin1")).toContain("<p>Hello</p>=\r\n<b>Bo</b>=\r\n<p>body</p>");
  });
});
