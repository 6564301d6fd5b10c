import type { Entity } from "@briefing/core";
import { distance } from "fastest-levenshtein";
import { defaultBriefing } from "./default-briefing.js";

/** Pairwise scores of alias merging: of the pairs of written forms put in one entity. */
export interface MergeScores {
  /** Gold forms the system names. */
  forms: number;
  /** Pairs of them the system merges, and of those, the pairs the gold puts in one cluster. */
  merged: number;
  correct: number;
  /** The merged pairs the gold keeps apart, for a reader to see. */
  wrong: [string, string][];
  /** Pairs of gold forms (named by the system or not) the gold puts in one cluster. */
  gold: number;
  precision: number;
  recall: number;
}

/** An honorific or office before a name. */
const TITLE =
  /^(?:(?:Mr|Mrs|Ms|Dr|Sir|President|Prime Minister|Secretary|Senator|Sen|Rep|Gov|Vice President|Attorney General)\.?\s+)+/;
/** A name as written: capitalised words (and the connectors of names), five at most. */
const NAME =
  /^(?!The\b)\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:of|al|bin|de|del|von|van)\s+)?\p{Lu}[\p{L}.'’-]*){0,4}$/u;
/** Kinds of NewsWCL50 cluster that are named entities (the rest are concepts and actions). */
const NAMED = /_(ACTOR|COUNTRY|GROUP)$/;

/**
 * The named mentions of a NewsWCL50 CoNLL file (`doc sentence token word clusters`): each
 * written form with the cluster most of its mentions belong to, the event number left out of the
 * cluster id so that one person is one cluster across the corpus's events. Only forms that start
 * with a capital letter count: names, not "its leader".
 */
export function goldForms(conll: string): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const open = new Map<string, string[]>();
  for (const line of conll.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const [, , , word, labels] = line.split("\t");
    if (word === undefined || labels === undefined) continue;
    for (const words of open.values()) words.push(word);
    for (const label of labels.split("|").map((l) => l.trim())) {
      const id = label.replace(/[()]/g, "");
      if (label.startsWith("(")) open.set(id, [word]);
      if (label.endsWith(")")) {
        const words = open.get(id);
        open.delete(id);
        const cluster = id.replace(/^\d+_/, "");
        if (!words || !NAMED.test(cluster)) continue;
        // A title is not part of the name ("Mr. Trump" is the name "Trump").
        const text = words.join(" ").replace(TITLE, "");
        if (!NAME.test(text)) continue;
        const counts = votes.get(text) ?? new Map<string, number>();
        counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
        votes.set(text, counts);
      }
    }
  }
  return new Map(
    [...votes].map(([text, counts]) => [
      text,
      [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string,
    ]),
  );
}

/** Pairwise precision and recall of the system's entities against the gold clusters. */
export function mergeScores(gold: ReadonlyMap<string, string>, entities: readonly Entity[]) {
  const system = new Map<string, string>();
  for (const e of entities) for (const form of [e.name, ...e.aliases]) system.set(form, e.id);
  // Every gold form counts, named by the system or not, so that systems compare on one footing.
  const forms = [...gold.keys()].sort();
  let merged = 0;
  let correct = 0;
  let goldPairs = 0;
  const wrong: [string, string][] = [];
  for (let i = 0; i < forms.length; i++)
    for (let j = i + 1; j < forms.length; j++) {
      const [a, b] = [forms[i] as string, forms[j] as string];
      const same = gold.get(a) === gold.get(b);
      if (same) goldPairs++;
      const entity = system.get(a);
      if (entity !== undefined && entity === system.get(b)) {
        merged++;
        if (same) correct++;
        else wrong.push([a, b]);
      }
    }
  return {
    forms: forms.filter((f) => system.has(f)).length,
    merged,
    correct,
    wrong,
    gold: goldPairs,
    precision: merged === 0 ? 1 : correct / merged,
    recall: goldPairs === 0 ? 1 : correct / goldPairs,
  } satisfies MergeScores;
}

/**
 * Whether an alias is a plausible form of a name: the same words in another case, some of its
 * words ("Obama"), its initials ("BP" or "B.P." of "British Petroleum"), or each of its words one of the
 * name's spelled a little differently (at most a third of its letters changed: "Masood").
 */
export function plausibleAlias(name: string, alias: string): boolean {
  const n = words(name);
  const a = words(dotless(alias));
  if (a.length === 0) return false;
  if (a.length === 1 && (a[0] === initialsOf(n) || a[0] === n.map((w) => w[0]).join("")))
    return true;
  if (a.every((w) => n.some((v) => w === v || close(w, v)))) return true;
  // A name shown by its acronym ("US") has its full name among its aliases ("United States").
  const short = words(dotless(name));
  return (
    short.length === 1 &&
    /^\p{L}+$/u.test(short[0] as string) &&
    a.length >= 2 &&
    short[0] === initialsOf(a)
  );
}

/** Lower-case words, accents off. */
function words(text: string): string[] {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Initials written with dots as one word: "B.P." is "BP". */
function dotless(text: string): string {
  return /^(?:\p{L}\.){2,}$/u.test(text) ? text.replace(/\./g, "") : text;
}

/** The initials of a name's words, function words aside: "Gulf of Mexico" → "gm". */
function initialsOf(nameWords: readonly string[]): string {
  return nameWords
    .filter((w) => !["of", "the", "and", "for"].includes(w))
    .map((w) => w[0])
    .join("");
}

function close(a: string, b: string): boolean {
  return (
    a[0] === b[0] &&
    Math.min(a.length, b.length) >= 4 &&
    distance(a, b) <= Math.max(a.length, b.length) / 3
  );
}

/** The entities of the default briefing of a corpus, as `brief` reads it. */
export async function briefingEntities(paths: readonly string[], threads: number) {
  return (await defaultBriefing(paths, { threads })).briefing.entities;
}

/** Actors a briefing lists, and the aliases shown with each (as the layout shows them). */
export const LISTED_ACTORS = 12;

/** The share of plausible aliases among those of the top actors, and the implausible ones. */
export function aliasPlausibility(entities: readonly Entity[]) {
  const actors = entities.filter((e) => e.kind !== "other").slice(0, LISTED_ACTORS);
  const all = actors.flatMap((e) => e.aliases.map((alias) => ({ name: e.name, alias })));
  const implausible = all.filter((x) => !plausibleAlias(x.name, x.alias));
  return {
    aliases: all.length,
    share: all.length === 0 ? 1 : 1 - implausible.length / all.length,
    implausible,
  };
}
