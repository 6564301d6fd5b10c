import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.js";

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe("decodeText", () => {
  it("reads UTF-8 and drops nothing", () => {
    expect(decodeText(new TextEncoder().encode("Café – “quoted”"))).toEqual({
      kind: "text",
      text: "Café – “quoted”",
      encoding: "utf-8",
    });
  });

  it("strips a UTF-8 byte order mark", () => {
    const decoded = decodeText(bytes(0xef, 0xbb, 0xbf, 0x41));
    expect(decoded).toEqual({ kind: "text", text: "A", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    // "£5 – café" in Windows-1252: 0xA3 pound, 0x96 en dash, 0xE9 e-acute.
    const decoded = decodeText(bytes(0xa3, 0x35, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9));
    expect(decoded).toEqual({ kind: "text", text: "£5 – café", encoding: "windows-1252" });
  });

  it("reads UTF-16 with a byte order mark", () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00))).toEqual({
      kind: "text",
      text: "Hi",
      encoding: "utf-16le",
    });
  });

  it("reports binary data with the reason", () => {
    expect(decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01))).toEqual({
      kind: "binary",
      reason: "a NUL byte at offset 4",
    });
    const control = new Uint8Array(100).fill(0x01);
    expect(decodeText(control).kind).toBe("binary");
  });
});
