import { describe, expect, it } from "vitest";
import { parsePlainText } from "./parse-plain-text.js";

const origin = { path: "page.txt", format: "text" } as const;

// A scraped page in the shape real sites produce: navigation glued to a truncated title,
// a slogan, a date line, a caption with a photo credit, widgets and comment prompts.
const PAGE = [
  "NewsWorldFloods close the main road to the northern hills after three days of...",
  "",
  "Independent voices since 1998",
  "",
  "Floods close the main road to the northern hills after three days of rain",
  "",
  "March 3, 2023 at 9:15 am",
  "",
  "Workers clear mud from a bridge near the river on March 2, 2023 [Jane Roe / Example Agency]",
  "",
  "The regional authority closed the main road to the northern hills on Thursday after three days of heavy rain washed away a section near the old bridge.",
  "",
  "What happens next?",
  "",
  "Engineers said the repairs would take at least two weeks and that a temporary crossing could open sooner.",
  "",
  "Residents were told to stay home.",
  "",
  "See also: Ten pictures of the storm",
  "",
  "Leave a comment!",
  "",
  "Most Read",
].join("\n");

describe("parsePlainText", () => {
  const draft = parsePlainText(PAGE, origin);

  it("finds the article's own title, not the breadcrumb or the slogan", () => {
    expect(draft?.title).toBe(
      "Floods close the main road to the northern hills after three days of rain",
    );
  });

  it("keeps the body's prose, short sentences included, and nothing else", () => {
    expect(draft?.paragraphs).toEqual([
      "The regional authority closed the main road to the northern hills on Thursday after three days of heavy rain washed away a section near the old bridge.",
      "Engineers said the repairs would take at least two weeks and that a temporary crossing could open sooner.",
      "Residents were told to stay home.",
    ]);
  });

  it("lists what it left out as furniture", () => {
    expect(draft?.furniture).toEqual([
      "NewsWorldFloods close the main road to the northern hills after three days of...",
      "Independent voices since 1998",
      "Workers clear mud from a bridge near the river on March 2, 2023 [Jane Roe / Example Agency]",
      "What happens next?",
      "See also: Ten pictures of the storm",
      "Leave a comment!",
      "Most Read",
    ]);
  });

  it("keeps the date line as a candidate publication date with its evidence", () => {
    expect(draft?.dates).toEqual([
      { text: "March 3, 2023 at 9:15 am", rule: "date-line", date: "2023-03-03" },
    ]);
  });

  it("reads a byline made of agency, place and author", () => {
    const text =
      "Storm hits the coast\n\nXA / Portville, Examplia / John Doe\n\nA storm hit the coast on Monday, cutting power to thousands of homes across the region.";
    const parsed = parsePlainText(text, origin);
    expect(parsed?.byline).toBe("XA / Portville, Examplia / John Doe");
    expect(parsed?.title).toBe("Storm hits the coast");
  });

  it("reads 'By' bylines without the word By", () => {
    const text =
      "Markets rally on rate hopes\nBy Anna Smith and Li Wei\nShares rose sharply on Tuesday as investors bet that the central bank would cut rates next month.";
    expect(parsePlainText(text, origin)?.byline).toBe("Anna Smith and Li Wei");
  });

  it("treats a file without blank lines as one paragraph per line", () => {
    const text =
      "Talks resume in the capital\nDelegations from both parties met on Monday for the first time in months, officials said.\nThe meeting lasted four hours and ended with an agreement to meet again.";
    const parsed = parsePlainText(text, origin);
    expect(parsed?.title).toBe("Talks resume in the capital");
    expect(parsed?.paragraphs).toHaveLength(2);
  });

  it("keeps the title of a page that repeats it, and drops the copy", () => {
    const text =
      "Council approves new budget\n\nCouncil approves new budget\n\nThe city council approved a new budget on Tuesday after a long debate about spending on schools.";
    const parsed = parsePlainText(text, origin);
    expect(parsed?.title).toBe("Council approves new budget");
    expect(parsed?.paragraphs).toHaveLength(1);
  });

  it("strips a media tag from the title", () => {
    const text =
      "Crowds gather for the festival (PHOTOS)\n\nThousands of people gathered in the old town on Saturday for the first festival since the pandemic began.";
    expect(parsePlainText(text, origin)?.title).toBe("Crowds gather for the festival");
  });

  it("takes the headline above a dateline that ends in a dash, not the dateline", () => {
    const text =
      "Ferry service resumes across the strait\n\nMarch 3 (UPI) —\nThe first ferry in a month crossed the strait on Tuesday, carrying 300 passengers and a dozen trucks.";
    const draft = parsePlainText(text, origin);
    expect(draft?.title).toBe("Ferry service resumes across the strait");
    expect(draft?.paragraphs[0]).toMatch(/^The first ferry/);
  });

  it("infers a title from the first sentence when the page has none", () => {
    const short = "The harbour reopened on Friday after a week of repairs, officials said.";
    expect(parsePlainText(short, origin)?.title).toBe(
      "The harbour reopened on Friday after a week of repairs, officials said",
    );
    const long =
      "The harbour reopened on Friday after a week of repairs to the sea wall, the port authority said.";
    expect(parsePlainText(long, origin)?.title).toBe(
      "The harbour reopened on Friday after a week of repairs to the sea wall…",
    );
  });

  it("leaves out lines that recur across the corpus", () => {
    const text =
      "Storm hits the coast\n\nSubscribe to our daily newsletter for more.\n\nA storm hit the coast on Monday, cutting power to thousands of homes across the region.";
    const parsed = parsePlainText(text, origin, {
      repeatedLines: new Set(["subscribe to our daily newsletter for more."]),
    });
    expect(parsed?.paragraphs).toEqual([
      "A storm hit the coast on Monday, cutting power to thousands of homes across the region.",
    ]);
  });

  it("returns null when there is no prose at all", () => {
    expect(parsePlainText("Home\nNews\nSport\nWeather", origin)).toBeNull();
  });
});

describe("parsePlainText's header", () => {
  it("takes a 'URL:' line as the page's address, not as its title or text", () => {
    const draft = parsePlainText(
      [
        "URL: https://news.example/politics/2018/04/17/envoy-visits/",
        "Envoy visits the capital",
        "The envoy arrived in the capital on Tuesday for two days of talks with the government.",
      ].join("\n"),
      origin,
    );
    expect(draft?.url).toBe("https://news.example/politics/2018/04/17/envoy-visits/");
    expect(draft?.title).toBe("Envoy visits the capital");
    expect(draft?.furniture ?? []).not.toContain(expect.stringContaining("URL:"));
  });
});
