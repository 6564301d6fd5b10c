/**
 * What the first `<name>` element of a markup text holds, tags and all, or `undefined` when it has
 * none: the SGML and TimeML readers' way into a document's parts (`<TITLE>`, `<BODY>`, `<DCT>`).
 */
export function elementContent(text: string, name: string): string | undefined {
  return new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(text)?.[1];
}
