/** Tells the language of a text as a BCP 47 tag, `und` when it cannot. */
export type LanguageDetector = (text: string, declared?: string) => string;

const SAMPLE_CHARS = 300;
let loading: Promise<LanguageDetector> | undefined;

/**
 * Loads the language detector (the `eld` n-gram model, loaded once, on first use): it returns a
 * declared language (page or feed metadata) when one is given, else the language of the first
 * few hundred characters of the text, or `und` when the model is not sure.
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= import("eld/extrasmall").then(({ eld }) => (text: string, declared?: string) => {
    const tag = declared ? normaliseLanguageTag(declared) : undefined;
    if (tag) return tag;
    const sample = text.slice(0, SAMPLE_CHARS);
    if (sample.replace(/[^\p{L}]/gu, "").length < 20) return "und";
    const result = eld.detect(sample);
    return result.language && result.isReliable() ? result.language : "und";
  });
  return loading;
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
