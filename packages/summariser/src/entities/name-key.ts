import { distance } from "fastest-levenshtein";

/**
 * A spelling-insensitive key for one word of a name, so that transliterations meet: accents and
 * apostrophes dropped, doubled letters single, a silent final "h" gone, a "y" before a vowel read
 * as "j", every vowel run one "a"
 * ("Massoud", "Masood" → "masad"; "Amrullah", "Amrula" → "amrala"; "Panjsher" → "panjshar").
 */
export function nameKey(word: string): string {
  return (
    word
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/['’`-]/g, "")
      .replace(/(.)\1+/g, "$1")
      // A "y" before a vowel is a consonant ("Paryan"); elsewhere a vowel ("Tajiky").
      .replace(/y(?=[aeiou])/g, "j")
      .replace(/([aeiouy])h$/, "$1")
      .replace(/[aeiouy]+/g, "a")
  );
}

/** Letters a word must have for a different spelling of it to be taken as the same name. */
const MIN_VARIANT_LETTERS = 5;
/**
 * Edits between two spellings whose keys are a letter apart: one ("Lousiana" / "Louisiana"), two
 * from eight letters on ("Amrullah" / "Amrula"); "Howard" is not "Hayward".
 */
const maxVariantEdits = (letters: number) => (letters >= 8 ? 2 : 1);

/**
 * Whether two words of names are the same name spelled differently: the same word in any case;
 * otherwise both of five letters or more, with the same first letter, and equal keys (the words an
 * edit apart, two from eight letters on, or differing only in their vowels), or keys one
 * letter apart (dropped or added, not changed: "Paryan" is not "Parwan") with the words themselves
 * an edit apart, two from eight letters on ("Panshir" / "Panjshir", not "Lessons" / "Louisiana"). Short words
 * ("Ian", "Ann", "Al") are never variants of each other. Keys already made may be passed.
 */
export function sameNameWord(a: string, b: string, ka = nameKey(a), kb = nameKey(b)): boolean {
  const x = plain(a);
  const y = plain(b);
  if (x === y) return true;
  if (x[0] !== y[0] || Math.min(x.length, y.length) < MIN_VARIANT_LETTERS) return false;
  // One key: vowels read alike. The words themselves must still be an edit or two apart (doubled
  // letters aside), or differ only in which vowel stands where ("Mohammed" / "Muhammad"):
  // "Hayward" and "Howard" share a key but are two names.
  if (ka === kb) {
    const [u, v] = [x.replace(/(.)\1+/g, "$1"), y.replace(/(.)\1+/g, "$1")];
    return distance(u, v) <= maxVariantEdits(Math.min(u.length, v.length)) || vowelsAlone(u, v);
  }
  return (
    Math.abs(ka.length - kb.length) === 1 &&
    oneLetterMore(ka, kb) &&
    distance(x, y) <= maxVariantEdits(Math.min(x.length, y.length))
  );
}

/** Whether two words of one length differ only where both have a vowel. */
function vowelsAlone(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && !(VOWEL.test(a[i] as string) && VOWEL.test(b[i] as string))) return false;
  return true;
}
const VOWEL = /[aeiou]/;

/** A word lower-cased, without accents or apostrophes. */
function plain(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`-]/g, "");
}
/** Whether the longer key is the shorter with one letter added ("panshar" / "panjshar"). */
function oneLetterMore(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  for (let i = 0; i < long.length; i++)
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
