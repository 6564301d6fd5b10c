/** Elements that run inside a line of text; any other element ends the line before it. */
const INLINE =
  /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DEL|DFN|EM|FONT|I|IMG|INS|KBD|LABEL|MARK|OUTPUT|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR)$/;

/** Whether an element (by its upper-case tag name) runs inside a line of text, as `<em>` does. */
export function isInlineElement(tagName: string): boolean {
  return INLINE.test(tagName);
}
