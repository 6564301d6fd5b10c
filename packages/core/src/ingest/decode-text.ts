/** Result of turning a file's bytes into text. */
export type DecodedText =
  | { kind: "text"; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" }
  | { kind: "binary"; reason: string };

const SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.
 * Bytes that look binary (NUL bytes, many control characters) are reported as such.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      kind: "text",
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      kind: "text",
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
    };
  }
  const binary = describeBinary(bytes);
  if (binary) return { kind: "binary", reason: binary };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { kind: "text", text, encoding: "utf-8" };
  } catch {
    return { kind: "text", text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

function describeBinary(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return `a NUL byte at offset ${i}`;
    // Tab, newline, form feed and carriage return are text; Reuters SGML uses a few others.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
  }
  if (end > 0 && control / end > 0.1) {
    return `${control} control bytes in the first ${end}`;
  }
  return null;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F; Node's decoder for the label reads those
// bytes as Latin-1 control characters, so they are mapped here (undefined bytes stay as they are).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as number) : byte;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}
