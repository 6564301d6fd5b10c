/** Options for {@link wrapText}. */
export interface WrapOptions {
  /** Widest line, indent included. Default 76. */
  width?: number;
  /** Put before the first line. Default "". */
  first?: string;
  /** Put before the following lines. Default: spaces as wide as `first`. */
  indent?: string;
}

/**
 * Breaks one paragraph into lines no wider than `width`, at spaces; a word longer than a line (a
 * 5,000-character token, say) is cut into line-sized pieces, so no line ever exceeds the width.
 */
export function wrapText(text: string, options: WrapOptions = {}): string[] {
  const width = options.width ?? 76;
  const first = options.first ?? "";
  const indent = options.indent ?? " ".repeat([...first].length);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = (prefix: string) => Math.max(1, width - [...prefix].length);
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    let chars = [...word];
    const fits = [...line].length + (empty ? 0 : 1) + chars.length <= width;
    if (!empty && fits) {
      line += ` ${word}`;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    while (chars.length > room(line)) {
      const n = room(line);
      lines.push(line + chars.slice(0, n).join(""));
      chars = chars.slice(n);
      line = indent;
    }
    line += chars.join("");
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
