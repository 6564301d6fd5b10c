import { describe, expect, it } from "vitest";
import type { NameOccurrence } from "../mentions/find-names.js";
import { buildEntities } from "./build-entities.js";

const NO_CUES = { person: 0, organisation: 0, place: 0, modifier: 0, speaker: 0 };

/** `times` occurrences of a name in each of the articles given, with its cues and acronym. */
function named(
  text: string,
  articles: string[],
  options: { times?: number; cues?: Partial<typeof NO_CUES>; acronym?: string } = {},
): NameOccurrence[] {
  return articles.flatMap((articleId) =>
    Array.from({ length: options.times ?? 1 }, () => ({
      text,
      words: text.split(" "),
      start: 0,
      end: text.length,
      cues: { ...NO_CUES, ...options.cues },
      articleId,
      ...(options.acronym ? { acronym: options.acronym } : {}),
    })),
  );
}

/** The groups of written forms, each sorted, as name → its aliases. */
function groups(occurrences: NameOccurrence[]): Record<string, string[]> {
  const { entities } = buildEntities(occurrences);
  return Object.fromEntries(entities.map((e) => [e.name, e.aliases]));
}

const person = { person: 1 };
const place = { place: 1 };

describe("buildEntities", () => {
  it("merges spellings of a name of five letters or more, never short words alike", () => {
    const found = groups([
      ...named("Ahmad Massoud", ["a1", "a2"], { cues: person }),
      ...named("Ahmad Masood", ["a3"], { cues: person }),
      ...named("Panjshir", ["a1", "a2"], { cues: place }),
      ...named("Panshir", ["a3"], { cues: place }),
      ...named("Ian", ["a1"], { cues: person }),
      ...named("Ann", ["a2"], { cues: person }),
      ...named("Louisiana", ["a1", "a2"], { cues: place }),
      ...named("Lessons", ["a3"]),
    ]);
    expect(found["Ahmad Massoud"]).toEqual(["Ahmad Masood"]);
    expect(found.Panjshir).toEqual(["Panshir"]);
    expect(found.Ian).toEqual([]);
    expect(found.Louisiana).toEqual([]);
  });

  it("joins an acronym to the dominant name with its initials where it is used, and only one", () => {
    const found = groups([
      ...named("British Petroleum", ["a1", "a2"], { times: 3 }),
      ...named("Brad Pitt", ["a3"], { cues: person }),
      ...named("Black Panthers", ["a4"]),
      ...named("BP", ["a1", "a2", "a3", "a4"], { times: 2 }),
      ...named("Gulf of Mexico", ["a5"], { times: 4, cues: place }),
      ...named("GM", ["a6"]),
    ]);
    expect(found["British Petroleum"]).toEqual(["BP"]);
    expect(found["Brad Pitt"]).toEqual([]);
    // "GM" is never written where the Gulf of Mexico is.
    expect(found["Gulf of Mexico"]).toEqual([]);
  });

  it("takes no acronym for a name the corpus writes a hundred times for each use of it, unless dotted", () => {
    const everywhere = ["a1", "a2", "a3", "a4", "a5"];
    const found = groups([
      ...named("Gulf of Mexico", everywhere, { times: 40, cues: place }),
      // General Motors, in a reader's comment under a story of the spill.
      ...named("GM", ["a3"]),
      ...named("British Petroleum", everywhere, { times: 40 }),
      ...named("B.P.", ["a2"]),
      ...named("Minerals Management Service", everywhere, { times: 3 }),
      ...named("MMS", ["a1", "a2"], { times: 2 }),
    ]);
    expect(found["Gulf of Mexico"]).toEqual([]);
    expect(found.GM).toEqual([]);
    expect(found["British Petroleum"]).toEqual(["B.P."]);
    expect(found["Minerals Management Service"]).toEqual(["MMS"]);
  });

  it("drops a generic tail to join a name, but never one after an acronym", () => {
    const found = groups([
      ...named("Panjshir", ["a1", "a2"], { times: 3, cues: place }),
      ...named("Panjshir Valley", ["a3"], { cues: place }),
      ...named("U.S.", ["a1", "a2", "a3"], { times: 3, cues: place }),
      // "U.S. District Judge Carl Barbier": a court's name, cut at the title.
      ...named("U.S. District", ["a2"], { times: 2 }),
    ]);
    expect(found.Panjshir).toEqual(["Panjshir Valley"]);
    expect(found["U.S."]).toEqual([]);
  });

  it("names an organisation by the acronym the corpus mostly calls it by", () => {
    const { entities } = buildEntities([
      ...named("British Petroleum", ["a1"], { cues: { organisation: 2 } }),
      ...named("BP", ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"], {
        cues: { organisation: 2 },
      }),
      ...named("National Resistance Front", ["a1", "a2"], { cues: { organisation: 2 } }),
      ...named("NRF", ["a1", "a2", "a3"], { times: 3, cues: { organisation: 2 } }),
    ]);
    expect(entities.map((e) => [e.name, e.aliases])).toEqual([
      ["BP", ["British Petroleum"]],
      ["National Resistance Front", ["NRF"]],
    ]);
  });

  it("takes a place's first word for its short name only where the corpus mostly writes it in full", () => {
    const found = groups([
      ...named("Gulf of Mexico", ["a1", "a2"], { times: 3, cues: place }),
      ...named("Gulf", ["a1", "a3"], { times: 2, cues: place }),
      ...named("Gulf Coast", ["a2"], { cues: place }),
      ...named("Kabul", ["a1", "a2", "a3"], { times: 3, cues: place }),
      ...named("Kabul Airport", ["a4"], { cues: place }),
    ]);
    expect(found["Gulf of Mexico"]).toEqual(["Gulf"]);
    expect(found.Kabul).toEqual([]);
  });

  it("reads an acronym written with dots as the same letters", () => {
    const found = groups([
      ...named("United States", ["a1", "a2"], { times: 2, cues: place }),
      ...named("U.S.", ["a1", "a2", "a3"], { times: 3, cues: place }),
      ...named("US", ["a2"]),
    ]);
    expect(found["U.S."]).toEqual(["US", "United States"]);
  });

  it("takes a bracketed acronym only for a name it starts like, and never chains two anchored names", () => {
    const found = groups([
      ...named("Standard Alaska", ["a1"], { acronym: "BP" }),
      ...named("BP", ["a1", "a2"]),
      ...named("National Resistance Front", ["a1", "a2"], { times: 2, acronym: "NRF" }),
      ...named("National Reform Forum", ["a3", "a4"], { times: 2, acronym: "NRF" }),
      ...named("NRF", ["a1", "a3"]),
    ]);
    expect(found["Standard Alaska"]).toEqual([]);
    // Both full names are well attested: the acronym joins the first, never both.
    expect([found["National Resistance Front"], found["National Reform Forum"]]).toContainEqual([
      "NRF",
    ]);
    expect(found["National Resistance Front"]?.includes("National Reform Forum")).toBe(false);
  });

  it("never joins two full names through their surnames, nor a place after 'of' to a name", () => {
    const found = groups([
      ...named("Tony Hayward", ["a1", "a2"], { times: 3, cues: person }),
      ...named("John Howard", ["a3"], { cues: person }),
      ...named("Howard", ["a3"], { cues: person }),
      ...named("Hayward", ["a1"], { cues: person }),
      ...named("Emmanuel Macron of France", ["a4"], { cues: person }),
      ...named("France", ["a4", "a5"]),
    ]);
    // "Howard" and "Hayward" are one spelling key: whichever full name they join, the two full
    // names never meet through them.
    expect(found["Tony Hayward"]).toContain("Hayward");
    expect(found["Tony Hayward"]).not.toContain("John Howard");
    expect(found["John Howard"] ?? []).not.toContain("Tony Hayward");
    expect(found.France).toEqual([]);
  });

  it("names an entity by its written full name, and lets a headline's fragment join it", () => {
    const found = groups([
      ...named("Barack Obama", ["a1", "a2"], { times: 3, cues: person }),
      ...named("BARACK OBAMA", ["a3"], { cues: person }),
      ...named("Obama", ["a1", "a2", "a3"], { times: 2, cues: person }),
      ...named("OF OBAMA", ["a3"]),
    ]);
    expect(found["Barack Obama"]).toEqual(["BARACK OBAMA", "OF OBAMA", "Obama"]);
  });

  it("gives a group the kind most of its written forms have, not the most cues of one form", () => {
    const { entities } = buildEntities([
      ...named("Deepwater Horizon", ["a1", "a2"], { times: 5, cues: place }),
      ...named("Deepwater Horizons", ["a3"], { times: 7, cues: { person: 2 } }),
    ]);
    expect(entities.map((e) => [e.name, e.kind])).toEqual([["Deepwater Horizon", "place"]]);
  });

  it("reads a country's acronym as the place its full name is, not as an organisation by its shape", () => {
    // find-names gives a one-word acronym two organisation cues for its shape, per use.
    const shape = { organisation: 2 };
    const { entities } = buildEntities([
      ...named("United States", ["a1", "a2"], { times: 2, cues: { place: 2 } }),
      ...named("US", ["a1", "a2", "a3"], { times: 20, cues: shape }),
      ...named("US", ["a4"], { times: 3, cues: { ...shape, place: 1, speaker: 1 } }),
      ...named("British Petroleum", ["a1"], { cues: { organisation: 2 } }),
      ...named("BP", ["a1", "a2"], { times: 20, cues: shape }),
    ]);
    expect(Object.fromEntries(entities.map((e) => [e.name, e.kind]))).toEqual({
      "British Petroleum": "organisation",
      US: "place",
    });
  });

  it("takes a name that speaks for a person only when a person's full name is among its forms", () => {
    const speaks = { speaker: 1 };
    const { entities } = buildEntities([
      ...named("Fiat", ["a1", "a2"], { times: 3, cues: speaks }),
      ...named("Hayward", ["a1", "a2"], { times: 3, cues: speaks }),
      ...named("Tony Hayward", ["a1"]),
    ]);
    expect(Object.fromEntries(entities.map((e) => [e.name, e.kind]))).toEqual({
      Fiat: "organisation",
      "Tony Hayward": "person",
    });
  });

  it("takes two capitalised words with no cue for a person when the corpus gives someone that first name", () => {
    const speaks = { speaker: 1 };
    const { entities } = buildEntities([
      ...named("Robert Buckley", ["a1", "a2"]),
      ...named("Robert Smith", ["a3"], { cues: speaks }),
      ...named("Thomson Reuters", ["a1", "a2"]),
      ...named("Airbus A380", ["a1", "a2"]),
    ]);
    expect(Object.fromEntries(entities.map((e) => [e.name, e.kind]))).toEqual({
      "Robert Buckley": "person",
      "Robert Smith": "person",
      "Thomson Reuters": "other",
      "Airbus A380": "other",
    });
  });

  it("tells the people mostly named as speakers, the story's sources", () => {
    const speaks = { speaker: 1 };
    const { entities, speakers } = buildEntities([
      ...named("Dave Gaskin", ["a1", "a2"], { cues: speaks }),
      ...named("Gaskin", ["a1", "a2"], { times: 2, cues: speaks }),
      ...named("Robert Buckley", ["a1", "a2"], { times: 2 }),
      ...named("Buckley", ["a1"], { cues: speaks }),
    ]);
    const names = entities.filter((e) => speakers.has(e.id)).map((e) => e.name);
    expect(names).toEqual(["Dave Gaskin"]);
  });
});
