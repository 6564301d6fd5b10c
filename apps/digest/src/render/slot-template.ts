/**
 * Per-recipient values are marked in a compiled email by U+F8FF-delimited names. `cleanText`
 * removes U+F8FF from every piece of untrusted text, so a mark can only come from the renderer.
 */
const MARK = "\uF8FF";

export type SlotName = "greeting" | "unsubscribe";

/** A text cut at its slots once, so filling it per recipient is a join, not a re-render. */
export interface SlotTemplate {
  /** Literal text around the slots: always one more than `slots`. */
  parts: string[];
  slots: SlotName[];
}

/** The mark that stands for a slot in text before it is split. */
export function slotMark(name: SlotName): string {
  return `${MARK}${name}${MARK}`;
}

/** Cuts `text` at its slot marks; throws when a mark is malformed (a renderer defect). */
export function splitSlots(text: string): SlotTemplate {
  const pieces = text.split(MARK);
  if (pieces.length % 2 === 0) throw new Error("unbalanced slot mark in a compiled email");
  const parts: string[] = [];
  const slots: SlotName[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) parts.push(piece);
    else if (piece === "greeting" || piece === "unsubscribe") slots.push(piece);
    else throw new Error(`unknown slot "${piece}" in a compiled email`);
  });
  return { parts, slots };
}

/** The template with every slot replaced by its value (values must already suit the format). */
export function fillSlots(template: SlotTemplate, values: Record<SlotName, string>): string {
  let out = template.parts[0] ?? "";
  for (let i = 0; i < template.slots.length; i++)
    out += values[template.slots[i] as SlotName] + (template.parts[i + 1] ?? "");
  return out;
}
