/** Tells the language of a text as a BCP 47 tag, `und` when it cannot. */
export type LanguageDetector = (text: string, declared?: string) => string;

/** A text to tell the language of, with the language its page or feed declares, if any. */
export interface LanguageSample {
  text: string;
  declared?: string;
}

const SAMPLE_CHARS = 300;
/** Words English uses constantly and other languages rarely or never spell the same way. */
const ENGLISH_WORDS = new Set(
  "the of and to is was that with for said by from has have were which it its this be are will had been would their but not who".split(
    " ",
  ),
);
/** English news has a third or more of its words in that list; other languages a few percent. */
const ENGLISH_SHARE = 0.2;
const MIN_WORDS = 12;
let loading: Promise<typeof import("eld/extrasmall").eld> | undefined;

/**
 * A language detector for these texts: it returns a declared language (page or feed metadata)
 * when one is given; else English when the first few hundred characters are a fifth English
 * function words; else the language the `eld` n-gram model finds there, or `und` when it is not
 * sure. The model (0.3-0.4 s to load from eld's own module, 0.15 s from the CLI's bundle, which
 * carries its n-grams as JSON) is loaded once per process, and only when some text needs it; with
 * no texts given, it is loaded.
 */
export async function loadLanguageDetector(
  texts?: readonly LanguageSample[],
): Promise<LanguageDetector> {
  const needed = texts === undefined || texts.some((t) => quickLanguage(t) === undefined);
  if (needed) loading ??= import("eld/extrasmall").then((m) => m.eld);
  const eld = needed ? await loading : undefined;
  return (text, declared) => {
    const quick = quickLanguage(declared === undefined ? { text } : { text, declared });
    if (quick !== undefined) return quick;
    if (!eld) throw new Error("language detector: a text needs the model, which was not loaded");
    const result = eld.detect(text.slice(0, SAMPLE_CHARS));
    return result.language && result.isReliable() ? result.language : "und";
  };
}

/** Whether a sample's language is told without the model: declared, too short, or plainly English. */
export function languageKnownWithoutModel(sample: LanguageSample): boolean {
  return quickLanguage(sample) !== undefined;
}

/**
 * What a detector reads of an article: the start of its title and paragraphs, one per line (the
 * first few hundred characters), joined without joining the whole text.
 */
export function languageSample(title: string, paragraphs: readonly string[]): string {
  let sample = `${title}\n`;
  for (let i = 0; i < paragraphs.length && sample.length < SAMPLE_CHARS; i++)
    sample += i === 0 ? (paragraphs[i] as string) : `\n${paragraphs[i]}`;
  return sample.slice(0, SAMPLE_CHARS);
}

/** The language told without the model (declared, too little text, or plainly English), if any. */
function quickLanguage({ text, declared }: LanguageSample): string | undefined {
  const tag = declared ? normaliseLanguageTag(declared) : undefined;
  if (tag) return tag;
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.join("").length < 20) return "und";
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  if (words.length >= MIN_WORDS && english >= ENGLISH_SHARE * words.length) return "en";
  return undefined;
}

/** A language tag in canonical case (`en-US`), or `undefined` when it is not a tag. */
export function normaliseLanguageTag(value: string): string | undefined {
  const parts = value.trim().replace(/_/g, "-").split("-");
  const primary = parts[0]?.toLowerCase() ?? "";
  if (!/^[a-z]{2,3}$/.test(primary)) return undefined;
  const rest = parts
    .slice(1)
    .map((part) => (part.length === 2 ? part.toUpperCase() : part.toLowerCase()));
  return [primary, ...rest].join("-");
}
