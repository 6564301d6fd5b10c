import type { Entity, EntityKind } from "@briefing/core";
import { isAcronym, type NameOccurrence } from "../mentions/find-names.js";
import { addTo } from "../shared/add-to.js";
import { compareText } from "../shared/compare-text.js";
import { disjointSets } from "../shared/disjoint-sets.js";
import { numbering } from "../shared/numbering.js";
import { nameKey, sameNameWord } from "./name-key.js";

/** The entities of a corpus and which entity each written form stands for. */
export interface EntityIndex {
  entities: Entity[];
  /** Entity id of a written form (as in {@link NameOccurrence.text}). */
  idOf: ReadonlyMap<string, string>;
  /** How many times each entity is named. */
  counts: ReadonlyMap<string, number>;
  /**
   * People named mostly as the speaker of what a sentence reports ("Gaskin said …"): a
   * spokesman, an official quoted. The story's sources rather than its subject.
   */
  speakers: ReadonlySet<string>;
}

const GENERIC_TAIL = /^(valley|province|district|city|region|gorge)$/i;
const FUNCTION_WORDS = new Set(["of", "al", "bin", "ibn", "de", "del", "van", "von", "e", "the"]);
/** A bare surname joins the full name that holds at least this share of that surname's uses. */
const DOMINANT_SHARE = 2 / 3;
/** An organisation named by its acronym in this many times the articles of its full name goes by the acronym. */
const KNOWN_BY_ACRONYM = 10;
/** An acronym written less than once for this many uses of the name with its initials is not its short form. */
const RARE_SHORT_FORM = 100;

interface Form {
  text: string;
  /** Its place in the list of forms, most frequent first (-1 until the list is made). */
  position: number;
  words: string[];
  count: number;
  cues: NameOccurrence["cues"];
  acronyms: Map<string, number>;
  articles: Set<string>;
}

/**
 * Merges the names written across a corpus into entities: the same words spelled differently
 * ("Ahmad Massoud" / "Ahmed Masood", "Panjshir" / "Panshir" / "Panjsher"), a name and its acronym
 * (by initials, or by a bracketed definition), a generic tail dropped ("Panjshir Valley"), and a
 * bare surname joined to the full name when one full name dominates it ("Saleh" → "Amrullah
 * Saleh"). The canonical name is the most frequent full form; the kind comes from the contexts.
 */
export function buildEntities(occurrences: readonly NameOccurrence[]): EntityIndex {
  const forms = collectForms(occurrences);
  // "Afghan" in "Afghan government", most of the time: an adjective of origin, not a name.
  for (const [text, form] of forms) if (form.cues.modifier * 2 >= form.count) forms.delete(text);
  const list = [...forms.values()].sort((a, b) => b.count - a.count || compareText(a.text, b.text));
  list.forEach((f, i) => {
    f.position = i;
  });
  // Sets of forms, each known by the position of its root form.
  const sets = disjointSets(list.length);
  const rootOf = (f: Form): number => sets.find(f.position);
  const union = (a: Form, b: Form) => {
    sets.join(a.position, b.position);
  };

  // The spelling keys of each form's core words, made once.
  const coreKeys = new Map<Form, string[]>();
  const core = (f: Form): string[] => {
    let keys = coreKeys.get(f);
    if (!keys) {
      keys = coreWords(f).map(nameKey);
      coreKeys.set(f, keys);
    }
    return keys;
  };
  // Candidates share the spelling keys (or those keys less one letter) of their first and last
  // words: the symmetric-deletion index finds every pair one edit apart per word without
  // comparing all pairs, and without one bucket per common last word ("Corp", "Bank").
  // A bucket per word count and pair of keys; the keys numbered, so that buckets are found by
  // small integers (word count, then first key, then last key). Buckets are numbered as they are
  // made; most hold one form, kept as a number (its position in the list), and only those that
  // come to hold more get an array.
  const numberOf = numbering();
  const index: Map<number, Map<number, number>>[] = [];
  const firstOf: number[] = [];
  const crowded = new Map<number, number[]>();
  list.forEach((f, position) => {
    if (f.words.length === 1 && isAcronym(f.text)) return;
    const keys = core(f);
    const last = neighbourhood(keys.at(-1) ?? "").map(numberOf);
    const first = keys.length > 1 ? neighbourhood(keys[0] as string).map(numberOf) : [numberOf("")];
    index[keys.length] ??= new Map();
    const ofLength = index[keys.length] as Map<number, Map<number, number>>;
    for (const a of first) {
      let byLast = ofLength.get(a);
      if (!byLast) {
        byLast = new Map();
        ofLength.set(a, byLast);
      }
      for (const b of last) {
        const bucket = byLast.get(b);
        if (bucket === undefined) {
          byLast.set(b, firstOf.length);
          firstOf.push(position);
        } else {
          const members = crowded.get(bucket);
          if (members) members.push(position);
          else crowded.set(bucket, [firstOf[bucket] as number, position]);
        }
      }
    }
  });
  // The buckets of several forms, in the order they were made.
  const buckets = [...crowded.keys()].sort((x, y) => x - y).map((b) => crowded.get(b) as number[]);
  // Each pair once: a bucket lists forms in the list's order, so a pair is (earlier, later).
  const compared = new Set<number>();
  for (const bucket of buckets)
    for (let i = 0; i < bucket.length; i++)
      for (let j = i + 1; j < bucket.length; j++) {
        const [x, y] = [bucket[i] as number, bucket[j] as number];
        const pair = x * list.length + y;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const [f, g] = [list[x] as Form, list[y] as Form];
        const [a, b] = [core(f), core(g)];
        const words = coreWords(g);
        if (
          coreWords(f).every((w, k) =>
            sameNameWord(w, words[k] as string, a[k] as string, b[k] as string),
          )
        )
          union(f, g);
      }
  // From here on, joins go through a short form (an acronym, a bare surname): one that would
  // join two groups each anchored by its own well-attested full name is refused, so that no short
  // form chains unrelated names together.
  const anchor = new Map<number, Form>();
  for (const f of list) {
    if (!isAnchor(f)) continue;
    const root = rootOf(f);
    const held = anchor.get(root);
    if (!held || f.count > held.count) anchor.set(root, f);
  }
  const join = (a: Form, b: Form) => {
    const [x, y] = [rootOf(a), rootOf(b)];
    const [p, q] = [anchor.get(x), anchor.get(y)];
    if (x === y || (p && q)) return;
    union(a, b);
    const held = p ?? q;
    if (held) anchor.set(rootOf(a), held);
  };
  // Acronyms: bracketed definitions, then initials. A definition whose letters do not even start
  // as the name does is another name in brackets ("Standard Alaska (BP)").
  for (const f of list)
    for (const acronym of f.acronyms.keys()) {
      const g = forms.get(acronym);
      if (g && acronym[0] === initialsOf(f)[0]) join(f, g);
    }
  const byInitials = new Map<string, Form[]>();
  for (const g of list) if (g.words.length >= 2) addTo(byInitials, initialsOf(g), g);
  // An acronym not defined in the text joins the group of names with its initials that dominates
  // the others in the articles that use it ("BP": British Petroleum, not Brad Pitt as well), and
  // only one; written with dots or without ("U.S.", "US": the United States).
  for (const f of list) {
    const letters = f.words.length === 1 ? acronymLetters(f.text) : undefined;
    if (letters === undefined) continue;
    // Only names written in an article that uses the acronym: "GM" is not the Gulf of Mexico.
    const near = (byInitials.get(letters) ?? []).filter((g) =>
      [...g.articles].some((id) => f.articles.has(id)),
    );
    const uses = new Map<number, number>();
    for (const g of near) uses.set(rootOf(g), (uses.get(rootOf(g)) ?? 0) + g.count);
    const best = dominantRoot(uses);
    if (best === undefined) continue;
    // An acronym the corpus writes twice beside a name it writes five hundred times is something
    // else with those initials ("GM", General Motors, in a story of the Gulf of Mexico); one
    // written with dots ("B.P.", "E.U.") is an abbreviation however rare.
    const rare = f.count * RARE_SHORT_FORM < (uses.get(best) as number) && !f.text.includes(".");
    if (!rare) join(list[best] as Form, f);
  }
  // Bare surnames join the full name of a person that dominates them.
  const fullCount = new Float64Array(list.length);
  for (const f of list) {
    const root = rootOf(f);
    if (core(f).length > 1) fullCount[root] = (fullCount[root] as number) + f.count;
  }
  const lastWords = new Map<string, Form[]>();
  for (const g of list) {
    const words = core(g);
    // What follows "of" is a place or a body, not a surname ("Emmanuel Macron of France").
    if (g.words.length < 2 || words.length < 2 || g.words.at(-2)?.toLowerCase() === "of") continue;
    for (const key of neighbourhood(words.at(-1) as string)) addTo(lastWords, key, g);
  }
  // Judged on the whole group so far: "Panjsher" once with no cue is still the place Panjshir;
  // a name that speaks may be a person's surname ("Klitschko said").
  const person = new Float64Array(list.length);
  const organisation = new Float64Array(list.length);
  const place = new Float64Array(list.length);
  const count = new Float64Array(list.length);
  for (const f of list) {
    const root = rootOf(f);
    person[root] = (person[root] as number) + f.cues.person + f.cues.speaker;
    organisation[root] = (organisation[root] as number) + f.cues.organisation;
    place[root] = (place[root] as number) + f.cues.place;
    count[root] = (count[root] as number) + f.count;
  }
  // Whether a form's group, as the groups stood before bare surnames join, reads as a person.
  const personLike = (f: Form) => {
    const root = rootOf(f);
    const [p, o, l] = [person[root] as number, organisation[root] as number, place[root] as number];
    return p >= Math.max(l, o) && l + o < (count[root] as number);
  };
  for (const f of list) {
    if (f.words.length !== 1 || isAcronym(f.text) || !personLike(f)) continue;
    // A word already part of a full name's group ("Hayward" with Tony Hayward, and "Howard" as
    // its spelling) joins no other: two full names never meet through their surnames.
    if ((fullCount[rootOf(f)] as number) > 0) continue;
    // The full names it may be the surname of: those that end in it as written, when there are
    // any ("Howard" is John Howard's before it is a slip for Tony Hayward's), else in a variant.
    const exact = new Map<number, number>();
    const variant = new Map<number, number>();
    const surname = nameKey(f.text);
    for (const key of neighbourhood(surname))
      for (const g of lastWords.get(key) ?? []) {
        const last = coreWords(g).at(-1) as string;
        if (!personLike(g) || !sameNameWord(f.text, last, surname, core(g).at(-1) as string))
          continue;
        const root = rootOf(g);
        (last.toLowerCase() === f.text.toLowerCase() ? exact : variant).set(
          root,
          fullCount[root] as number,
        );
      }
    const best = dominantRoot(exact.size > 0 ? exact : variant);
    if (best !== undefined) join(list[best] as Form, f);
  }
  // A place's first word alone is its short name when the corpus mostly writes it in full: "Gulf"
  // is the Gulf of Mexico where that is written more often than "Gulf" and more than any other
  // "Gulf …"; "Kabul", written more often than "Kabul Airport", stays the city.
  const placeLike = (root: number) =>
    (place[root] as number) > 0 &&
    (place[root] as number) >= Math.max(person[root] as number, organisation[root] as number);
  const byFirstWord = new Map<string, Form[]>();
  for (const g of list)
    if (g.words.length >= 2) addTo(byFirstWord, (g.words[0] as string).toLowerCase(), g);
  for (const f of list) {
    const root = rootOf(f);
    if (f.words.length !== 1 || (fullCount[root] as number) > 0 || !placeLike(root)) continue;
    const uses = new Map<number, number>();
    for (const g of byFirstWord.get(f.text.toLowerCase()) ?? [])
      uses.set(rootOf(g), (uses.get(rootOf(g)) ?? 0) + g.count);
    const best = dominantRoot(uses);
    if (best !== undefined && placeLike(best) && (uses.get(best) as number) > f.count)
      join(list[best] as Form, f);
  }

  return assemble(list, rootOf);
}

/** The letters of a word that is an acronym, with or without dots ("US", "U.S." → "US"). */
function acronymLetters(word: string): string | undefined {
  if (isAcronym(word)) return word;
  return /^(?:[A-Z]\.){2,6}$/.test(word) ? word.replace(/\./g, "") : undefined;
}

/** The initials of a form's capitalised core words: "National Resistance Front" → "NRF". */
function initialsOf(f: Form): string {
  return coreWords(f)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

/** Uses and articles that make a full name well attested: a group's anchor. */
const ANCHOR_USES = 3;
const ANCHOR_ARTICLES = 2;

function isAnchor(f: Form): boolean {
  return coreWords(f).length > 1 && f.count >= ANCHOR_USES && f.articles.size >= ANCHOR_ARTICLES;
}

/**
 * Of groups weighed (root → weight), the one holding at least {@link DOMINANT_SHARE} of the
 * weight, if any: "BP" goes to British Petroleum only when Brad Pitt and the rest weigh little.
 */
function dominantRoot(weights: ReadonlyMap<number, number>): number | undefined {
  let total = 0;
  let best: [number, number] | undefined;
  for (const [root, weight] of weights) {
    total += weight;
    if (!best || weight > best[1]) best = [root, weight];
  }
  return best && best[1] >= DOMINANT_SHARE * total ? best[0] : undefined;
}

/**
 * A form's words less function words and a generic tail ("Panjshir Valley" → "Panjshir"); a tail
 * after an acronym stays ("U.S. District", of a court's name, is not the United States).
 */
function coreWords(f: Form): string[] {
  const words = f.words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  const rest = words.slice(0, -1);
  const acronymOnly = rest.length === 1 && acronymLetters(rest[0] as string) !== undefined;
  return words.length > 1 && GENERIC_TAIL.test(words[words.length - 1] as string) && !acronymOnly
    ? rest
    : words;
}

function assemble(list: Form[], rootOf: (f: Form) => number): EntityIndex {
  const groups = new Map<number, Form[]>();
  for (const f of list) addTo(groups, rootOf(f), f);
  const entities: Entity[] = [];
  const idOf = new Map<string, string>();
  const counts = new Map<string, number>();
  const used = new Set<string>();
  const speakers = new Set<string>();
  // First names of this corpus: the first words of full names someone is titled or quoted by.
  const given = new Set<string>();
  for (const f of list)
    if (f.words.length >= 2 && f.words.length <= 3 && f.cues.person + f.cues.speaker > 0)
      given.add((f.words[0] as string).toLowerCase());
  const ordered = [...groups.values()]
    .map((members) => {
      const kind = kindOf(members, given);
      const name = canonical(members, kind);
      return { members, kind, name, total: members.reduce((s, f) => s + f.count, 0) };
    })
    .sort((a, b) => b.total - a.total || compareText(a.name, b.name));
  for (const { members, kind, name, total } of ordered) {
    let id = `entity-${slug(name)}`;
    for (let n = 2; used.has(id); n++) id = `entity-${slug(name)}-${n}`;
    used.add(id);
    const aliases = members
      .map((f) => f.text)
      .filter((t) => t !== name)
      .sort(compareText);
    entities.push({ id, name, kind, aliases });
    counts.set(id, total);
    const speaking = members.reduce((n, f) => n + f.cues.speaker, 0);
    if (kind === "person" && speaking * 2 > total) speakers.add(id);
    for (const f of members) idOf.set(f.text, id);
  }
  return { entities, idOf, counts, speakers };
}

/**
 * The most frequent full form (used by the most sources, then most often): for people and
 * organisations, names of several words before single words and acronyms ("Amrullah Saleh",
 * "National Resistance Front"), unless the corpus mostly calls the organisation by its acronym;
 * for places, the most frequent form ("Panjshir" rather than "Panjshir Valley").
 */
function canonical(members: Form[], kind: EntityKind): string {
  // A form set in capitals ("BARACK OBAMA") or opening with a function word ("OF OBAMA", cut
  // from a headline) names the entity only when nothing else does.
  const written = members.filter(
    (f) =>
      !FUNCTION_WORDS.has(f.words[0]?.toLowerCase() ?? "") &&
      (f.words.length === 1 || f.text !== f.text.toUpperCase()),
  );
  const candidates = written.length > 0 ? written : members;
  const byUse = (forms: Form[]) =>
    [...forms].sort(
      (a, b) =>
        b.articles.size - a.articles.size || b.count - a.count || compareText(a.text, b.text),
    )[0];
  const full = kind === "place" ? undefined : byUse(candidates.filter((f) => f.words.length > 1));
  const acronym = byUse(candidates.filter((f) => f.words.length === 1 && isAcronym(f.text)));
  // An organisation the corpus calls by its acronym in ten times as many articles as by its
  // full name goes by the acronym ("BP", not "British Petroleum"; "BBC").
  if (full && acronym && acronym.articles.size >= KNOWN_BY_ACRONYM * full.articles.size)
    return acronym.text;
  return (full ?? (byUse(candidates) as Form)).text;
}

/**
 * A group's kind is its members' majority: each written form with cues votes, as often as it is
 * written, for the kind its own cues favour; one that mostly speaks ("said", "announced") votes
 * for a person when the group has a person's full name (two or three words written as a name,
 * not in capitals), else for an organisation ("Fiat said"). With no cue at all, two or three
 * capitalised words are most often a person's name.
 */
function kindOf(members: Form[], given: ReadonlySet<string>): EntityKind {
  const votes = { person: 0, organisation: 0, place: 0 };
  const fullName = members.some(
    (f) => f.words.length >= 2 && f.words.length <= 3 && f.text !== f.text.toUpperCase(),
  );
  // A one-word acronym's organisation cue is its shape alone ("BP", "US"): where the group's full
  // name reads as a place ("United States"), that decides, and the acronym votes only by the
  // places it is written in ("in the US"), not by its shape or its speech.
  const placeNamed = members.some(
    (f) => f.words.length >= 2 && f.cues.place > Math.max(f.cues.person, f.cues.organisation),
  );
  for (const f of members) {
    const { person, place, speaker } = f.cues;
    const shapeOnly = placeNamed && f.words.length === 1 && isAcronym(f.text);
    const organisation = shapeOnly ? 0 : f.cues.organisation;
    const cues = {
      person: person + (fullName && !shapeOnly ? speaker : 0),
      organisation: organisation + (fullName || shapeOnly ? 0 : speaker),
      place,
    };
    const own = (Object.entries(cues) as [keyof typeof votes, number][]).sort(
      (a, b) => b[1] - a[1],
    )[0];
    if (own && own[1] > 0) votes[own[0]] += f.count;
  }
  const [kind, score] = (Object.entries(votes) as [EntityKind, number][]).sort(
    (a, b) => b[1] - a[1],
  )[0] as [EntityKind, number];
  if (score > 0) return kind;
  // Two or three capitalised words with no other cue are a person's name when the first is a
  // first name of a person elsewhere in the corpus ("Tim Howard" where "Tim Smith" said);
  // "Thomson Reuters" and "Airbus A380" are not.
  return members.some(
    (f) =>
      f.words.length >= 2 && f.words.length <= 3 && given.has((f.words[0] as string).toLowerCase()),
  )
    ? "person"
    : "other";
}

function collectForms(occurrences: readonly NameOccurrence[]): Map<string, Form> {
  const forms = new Map<string, Form>();
  for (const o of occurrences) {
    let form = forms.get(o.text);
    if (!form) {
      form = {
        text: o.text,
        position: -1,
        words: o.words,
        count: 0,
        cues: { person: 0, organisation: 0, place: 0, modifier: 0, speaker: 0 },
        acronyms: new Map(),
        articles: new Set(),
      };
      forms.set(o.text, form);
    }
    form.count++;
    if (o.articleId) form.articles.add(o.articleId);
    form.cues.person += o.cues.person;
    form.cues.organisation += o.cues.organisation;
    form.cues.place += o.cues.place;
    form.cues.modifier += o.cues.modifier;
    form.cues.speaker += o.cues.speaker;
    if (o.acronym) form.acronyms.set(o.acronym, (form.acronyms.get(o.acronym) ?? 0) + 1);
  }
  return forms;
}

/** A spelling key and, when long enough for one slip, the key less each one letter. */
function neighbourhood(key: string): string[] {
  if (key.length < 5) return [key];
  const keys = new Set([key]);
  for (let i = 0; i < key.length; i++) keys.add(key.slice(0, i) + key.slice(i + 1));
  return [...keys];
}

function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "name"
  );
}
