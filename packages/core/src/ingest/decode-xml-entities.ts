/**
 * Text with XML's character references and predefined entities decoded (`&amp;`, `&lt;`, `&#232;`,
 * `&#xE8;`); references to control characters (below U+0020, as Reuters SGML marks a story's start
 * and end with) decode to nothing, being no text.
 */
export function decodeXmlEntities(text: string): string {
  return text.replace(ENTITY, (whole: string, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const value = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
    if (value < 32) return "";
    return value <= 0x10ffff ? String.fromCodePoint(value) : whole;
  });
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
