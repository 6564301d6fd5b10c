import { describe, expect, it } from "vitest";
import { languageSample, loadLanguageDetector } from "./detect-language.js";

const ENGLISH =
  "Resistance fighters in the valley said on Wednesday that talks with the new government had failed, and that they would hold their positions.";
const OTHERS: Record<string, string> = {
  fr: "Les combattants de la vallée ont déclaré mercredi que les pourparlers avec le nouveau gouvernement avaient échoué et qu'ils garderaient leurs positions.",
  de: "Die Kämpfer im Tal erklärten am Mittwoch, die Gespräche mit der neuen Regierung seien gescheitert und sie würden ihre Stellungen halten.",
  es: "Los combatientes del valle dijeron el miércoles que las conversaciones con el nuevo gobierno habían fracasado y que mantendrían sus posiciones.",
  nl: "De strijders in de vallei zeiden woensdag dat de gesprekken met de nieuwe regering waren mislukt en dat zij hun posities zouden behouden.",
};

describe("loadLanguageDetector", () => {
  it("tells English by its common words without loading the model", async () => {
    const detect = await loadLanguageDetector([{ text: ENGLISH }]);
    expect(detect(ENGLISH)).toBe("en");
    expect(() => detect(OTHERS.fr as string)).toThrow(/not loaded/);
  });

  it("asks the model for other languages", async () => {
    const samples = Object.values(OTHERS).map((text) => ({ text }));
    const detect = await loadLanguageDetector(samples);
    for (const [language, text] of Object.entries(OTHERS)) expect(detect(text)).toBe(language);
  });

  it("prefers a declared language, and says und for too little text", async () => {
    const detect = await loadLanguageDetector([]);
    expect(detect(OTHERS.de as string, "en_gb")).toBe("en-GB");
    expect(detect("Kabul — 12:30")).toBe("und");
  });
});

describe("languageSample", () => {
  it("is the start of the title and paragraphs, one per line", () => {
    const long = ENGLISH.repeat(3);
    for (const [title, paragraphs] of [
      ["Talks fail", []],
      ["Talks fail", ["Short.", "Also short."]],
      ["Talks fail", [long, "Never reached."]],
      ["", ["a", long]],
    ] as [string, string[]][])
      expect(languageSample(title, paragraphs)).toBe(
        `${title}\n${paragraphs.join("\n")}`.slice(0, 300),
      );
  });
});
