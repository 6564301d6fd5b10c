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

/**
 * Whether two words of names are the same name spelled differently: equal keys, or keys one letter
 * apart (dropped or added, not changed: "Paryan" is not "Parwan") when both are long enough for a
 * slip to be a slip ("Panshir" / "Panjshir") and they start alike.
 */
export function sameNameWord(a: string, b: string): boolean {
  return sameNameKey(nameKey(a), nameKey(b));
}

/** {@link sameNameWord} on keys already made by {@link nameKey}. */
export function sameNameKey(x: string, y: string): boolean {
  if (x === y) return true;
  if (x[0] !== y[0] || Math.min(x.length, y.length) < 5 || x.length === y.length) return false;
  return oneLetterMore(x, y);
}

/** Whether the longer key is the shorter with one letter added ("panshar" / "panjshar"). */
function oneLetterMore(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  for (let i = 0; i < long.length; i++)
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
