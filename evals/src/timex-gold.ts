import { readFileSync } from "node:fs";

/** A document with gold temporal expressions: plain text, creation day, DATE spans and values. */
export interface TimexDocument {
  name: string;
  text: string;
  dct: string;
  /** Where annotation stops: MEANTIME annotates only the opening sentences of each document. */
  annotatedUntil?: number;
  /** Gold TIMEX3 of every type, with character spans in `text`. */
  timexes: { start: number; end: number; type: string; value: string }[];
}

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&apos;": "'",
};
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|apos);/g, (m) => ENTITIES[m] ?? m);

/** Reads a TimeML `.tml` file: the TEXT element with tags removed, offsets kept for TIMEX3 spans. */
export function readTimeMl(path: string): TimexDocument | null {
  const xml = readFileSync(path, "utf8");
  const dct = /<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
  if (!dct || body === undefined) return null;
  let text = "";
  const timexes: TimexDocument["timexes"] = [];
  let open: { start: number; type: string; value: string } | null = null;
  for (const part of body.split(/(<[^>]+>)/)) {
    if (part.startsWith("<TIMEX3")) {
      open = {
        start: text.length,
        type: /type="([^"]*)"/.exec(part)?.[1] ?? "",
        value: /value="([^"]*)"/.exec(part)?.[1] ?? "",
      };
    } else if (part.startsWith("</TIMEX3") && open) {
      timexes.push({ ...open, end: text.length });
      open = null;
    } else if (!part.startsWith("<")) {
      text += decode(part);
    }
  }
  return { name: path, text, dct, timexes };
}

/** Reads a MEANTIME CAT XML file: tokens joined into text, TIMEX3 markables anchored to tokens. */
export function readCatXml(path: string): TimexDocument | null {
  const xml = readFileSync(path, "utf8");
  const offsets = new Map<string, [number, number]>();
  let text = "";
  let sentence = "";
  for (const match of xml.matchAll(
    /<token[^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>([^<]*)<\/token>/g,
  )) {
    const token = decode(match[3] ?? "");
    if (text.length > 0)
      text +=
        match[1] !== sentence ? "\n" : /^[,.;:!?%)'’]/.test(token) || /[($]$/.test(text) ? "" : " ";
    sentence = match[1] ?? "";
    offsets.set(match[2] ?? "", [text.length, text.length + token.length]);
    text += token;
  }
  let dct: string | undefined;
  const timexes: TimexDocument["timexes"] = [];
  for (const match of xml.matchAll(/<TIMEX3([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const attributes = match[1] ?? "";
    const value = /value="([^"]*)"/.exec(attributes)?.[1] ?? "";
    const type = /type="([^"]*)"/.exec(attributes)?.[1] ?? "";
    if (/CREATION_TIME/.test(attributes)) dct = value.slice(0, 10);
    const anchors = [...(match[2] ?? "").matchAll(/t_id="(\d+)"/g)]
      .map((m) => offsets.get(m[1] ?? ""))
      .filter((o): o is [number, number] => o !== undefined);
    if (anchors.length === 0) continue;
    timexes.push({
      start: Math.min(...anchors.map((a) => a[0])),
      end: Math.max(...anchors.map((a) => a[1])),
      type,
      value,
    });
  }
  if (!dct || !/^\d{4}-\d{2}-\d{2}$/.test(dct)) return null;
  const markables = /<Markables>([\s\S]*)<\/Markables>/.exec(xml)?.[1] ?? "";
  const anchored = [...markables.matchAll(/t_id="(\d+)"/g)].map(
    (m) => offsets.get(m[1] ?? "")?.[1] ?? 0,
  );
  const lastSentenceEnd = text.indexOf("\n", Math.max(0, ...anchored));
  return {
    name: path,
    text,
    dct,
    timexes,
    annotatedUntil: lastSentenceEnd < 0 ? text.length : lastSentenceEnd,
  };
}
