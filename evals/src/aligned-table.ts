/**
 * Rows (the header first) as lines of columns two spaces apart, each as wide as its widest cell:
 * the columns `left` picks left-aligned (names, headlines), the others right-aligned (figures);
 * trailing spaces trimmed.
 */
export function alignedTable(
  rows: readonly (readonly string[])[],
  left: (column: number) => boolean,
): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((cells) =>
    cells
      .map((cell, i) => (left(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}
