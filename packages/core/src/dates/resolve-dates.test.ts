import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DateEstimateSchema } from "../model/date-estimate.js";
import { type DateReference, resolveDates } from "./resolve-dates.js";

// [text, reference, expected [start, end] of the first expression, or null for "no date"].
// Reference days: 2021-09-02 Thu, 2022-01-15 Sat, 2021-08-26 Thu, 2024-03-01 Fri (leap year),
// 2021-01-03 Sun, 2020-12-30 Wed, 2021-03-29 Mon (after the EU/UK spring DST change).
type Case = [string, string | DateReference, [string, string] | null];

const CASES: Case[] = [
  // A month's name in lower case is a verb or a word; a year before 1 is no day.
  ["Thousands march on the capital.", "2021-09-02", null],
  ["The march began in March.", "2021-09-02", ["2021-03-01", "2021-03-31"]],
  ["They may yet win.", "2021-09-02", null],
  ["Abe met Trump at Mar-a-Lago.", "2021-09-02", null],
  // A month's name in a person's name is no month.
  ["Theresa May said the deal was dead.", "2019-03-10", null],
  ["June Carter sang at the fair.", "2019-03-10", null],
  ["Reporters, April Ryan among them, asked.", "2019-03-10", null],
  ["In June Obama visited the coast.", "2010-07-10", ["2010-06-01", "2010-06-30"]],
  ["June was the wettest month.", "2010-07-10", ["2010-06-01", "2010-06-30"]],
  ["The March accession of Poland was cheered.", "2010-07-10", ["2010-03-01", "2010-03-31"]],
  ["Abe met Trump at Mar - a - Lago.", "2021-09-02", null],
  ["Humans built the first cities 7000 years ago.", "2021-09-02", null],
  // Counts, durations and narrative anchors are no dates.
  ["Companies run 1200 to 1500 gas stations each.", "2010-06-19", null],
  ["Between 2008 and 2010 output fell.", "2010-06-19", ["2008-01-01", "2008-12-31"]],
  ["Output rose from 1990 to 2000.", "2010-06-19", ["1990-01-01", "1990-12-31"]],
  ["In May, 60 percent favoured drilling.", "2010-06-23", ["2010-05-01", "2010-05-31"]],
  ["Spills in the last 50 years were studied.", "2010-06-24", null],
  ["Over the past 30 years the museum collected them.", "2010-07-22", null],
  ["Seven months later, BP settled on a cleaning approach.", "2010-11-17", null],
  ["Several weeks after the spill, Salazar broke up the agency.", "2010-05-25", null],
  ["Two days later the well was capped.", "2010-05-25", null],
  ["The penalty was introduced 16 years earlier.", "2010-05-25", null],
  ["It is the second setback in five years.", "2010-05-25", null],
  ["Shares fell to their lowest in 18 months.", "2010-05-25", null],
  ["Sampling a couple of years after the spill found fish.", "2010-05-25", null],
  ["The talks will resume in two weeks.", "2010-05-25", ["2010-06-08", "2010-06-08"]],
  ["He joined the board 18 months ago.", "2010-06-10", ["2008-12-01", "2008-12-31"]],
  // A day within two months is the nearer date, whatever the tense, counted to the day.
  [
    "April 30 - An Obama aide says no drilling will be allowed in new areas.",
    "2010-06-28",
    ["2010-04-30", "2010-04-30"],
  ],
  // A month named in its own month is this one, whatever the tense.
  ["BP will try again in mid-June.", "2010-06-02", ["2010-06-11", "2010-06-20"]],
  ["The relief well will be ready in June.", "2010-06-02", ["2010-06-01", "2010-06-30"]],
  // The seed corpus's own phrasings.
  ["The first direct talks took place on Wednesday.", "2021-09-02", ["2021-09-01", "2021-09-01"]],
  [
    "direct talks were held on Wednesday, Mansoor wrote",
    "2021-09-02",
    ["2021-09-01", "2021-09-01"],
  ],
  [
    "he held talks at the weekend with NRF leader Massoud in Tehran",
    "2022-01-15",
    ["2022-01-08", "2022-01-09"],
  ],
  [
    "On Monday, the Foreign Minister confirmed the talks",
    "2022-01-15",
    ["2022-01-10", "2022-01-10"],
  ],
  ["ended without progress, AFP reported on Friday.", "2022-01-15", ["2022-01-14", "2022-01-14"]],
  ["On August 15, Taliban fighters swept into Kabul", "2021-09-02", ["2021-08-15", "2021-08-15"]],
  ["ousted by the Taliban earlier this month.", "2021-08-26", ["2021-08-01", "2021-08-26"]],
  [
    "In recent days, militants managed to take over several checkpoints",
    "2021-09-02",
    ["2021-08-27", "2021-09-02"],
  ],
  [
    "after the departure of US forces on August 31, after 20 years of presence",
    "2021-09-06",
    ["2021-08-31", "2021-08-31"],
  ],
  [
    "the Panshir valley on Sunday expressed his willingness",
    "2021-09-06",
    ["2021-09-05", "2021-09-05"],
  ],
  ["was killed in fighting with the Taliban on Sunday", "2021-09-06", ["2021-09-05", "2021-09-05"]],
  [
    "Ten members of the security forces were killed this week.",
    "2021-09-02",
    ["2021-08-30", "2021-09-02"],
  ],
  // Weekdays and tense.
  ["He will meet them on Wednesday.", "2021-09-02", ["2021-09-08", "2021-09-08"]],
  ["The summit is due to open on Friday.", "2021-09-02", ["2021-09-03", "2021-09-03"]],
  ["Leaders are expected to sign the deal on Monday.", "2021-09-02", ["2021-09-06", "2021-09-06"]],
  ["The vote is scheduled for Thursday.", "2021-09-02", ["2021-09-09", "2021-09-09"]],
  ["They met on Thursday.", "2021-09-02", ["2021-09-02", "2021-09-02"]],
  ["They met last Thursday.", "2021-09-02", ["2021-08-26", "2021-08-26"]],
  ["Talks resume next Tuesday.", "2021-09-02", ["2021-09-07", "2021-09-07"]],
  ["Friday's attack killed four.", "2021-09-02", ["2021-08-27", "2021-08-27"]],
  ["Police said on Saturday that two men were held.", "2021-09-02", ["2021-08-28", "2021-08-28"]],
  ["the ministry said on Tuesday", "2021-01-03", ["2020-12-29", "2020-12-29"]],
  [
    "The new law takes effect on Friday, officials will announce.",
    "2021-01-03",
    ["2021-01-08", "2021-01-08"],
  ],
  // Relative days.
  ["He died yesterday.", "2021-09-02", ["2021-09-01", "2021-09-01"]],
  ["The report is published today.", "2021-09-02", ["2021-09-02", "2021-09-02"]],
  ["The court rules tomorrow.", "2021-09-02", ["2021-09-03", "2021-09-03"]],
  ["The fire started two days ago.", "2021-09-02", ["2021-08-31", "2021-08-31"]],
  ["It happened three weeks ago.", "2021-09-02", ["2021-08-12", "2021-08-12"]],
  ["Rain fell yesterday across the region.", "2021-01-01", ["2020-12-31", "2020-12-31"]],
  ["The polls opened yesterday.", "2024-03-01", ["2024-02-29", "2024-02-29"]],
  ["Markets closed lower yesterday.", "2021-03-29", ["2021-03-28", "2021-03-28"]],
  ["Clocks went forward two days ago.", "2021-03-30", ["2021-03-28", "2021-03-28"]],
  // Weekends.
  ["Crowds gathered at the weekend.", "2021-09-02", ["2021-08-28", "2021-08-29"]],
  ["Crowds gathered over the weekend.", "2021-09-06", ["2021-09-04", "2021-09-05"]],
  ["Protests continued last weekend.", "2021-09-02", ["2021-08-28", "2021-08-29"]],
  ["Protests are planned for next weekend.", "2021-09-02", ["2021-09-04", "2021-09-05"]],
  ["Fans will gather at the weekend.", "2021-09-02", ["2021-09-04", "2021-09-05"]],
  ["It rained this weekend.", "2021-01-03", ["2021-01-02", "2021-01-03"]],
  // Weeks, months, years.
  ["Prices rose last week.", "2021-09-02", ["2021-08-23", "2021-08-29"]],
  ["Sales will rise next week.", "2021-09-02", ["2021-09-06", "2021-09-12"]],
  ["Exports fell last month.", "2021-09-02", ["2021-08-01", "2021-08-31"]],
  ["Exports fell last month.", "2021-01-03", ["2020-12-01", "2020-12-31"]],
  ["Growth slowed last year.", "2022-01-15", ["2021-01-01", "2021-12-31"]],
  ["The plant opens next year.", "2021-09-02", ["2022-01-01", "2022-12-31"]],
  ["The firm was founded earlier this year.", "2021-09-02", ["2021-01-01", "2021-09-02"]],
  ["A deal is expected later this month.", "2021-09-02", ["2021-09-02", "2021-09-30"]],
  [
    "The army said earlier this week that it had withdrawn.",
    "2021-09-02",
    ["2021-08-30", "2021-09-02"],
  ],
  ["Fighting flared late last year.", "2022-01-15", ["2021-09-01", "2021-12-31"]],
  ["Talks began early last year.", "2021-10-02", ["2020-01-01", "2020-04-30"]],
  [
    "The project stalled in mid-2019 and mid last year.",
    "2021-10-02",
    ["2020-05-01", "2020-08-31"],
  ],
  ["Shipments resume in mid-September.", "2021-08-02", ["2021-09-11", "2021-09-20"]],
  ["The floods came in late August.", "2021-09-02", ["2021-08-21", "2021-08-31"]],
  ["Cases rose in early February.", "2024-03-01", ["2024-02-01", "2024-02-10"]],
  ["In recent weeks the rebels regrouped.", "2021-09-02", ["2021-08-06", "2021-09-02"]],
  ["In the past few days prices fell.", "2021-09-02", ["2021-08-27", "2021-09-02"]],
  ["In recent months inflation rose.", "2021-09-02", ["2021-06-05", "2021-09-02"]],
  // Day and month without a year.
  ["On 25 August, the delegation arrived.", "2021-09-02", ["2021-08-25", "2021-08-25"]],
  ["The ceasefire began on December 28.", "2021-01-03", ["2020-12-28", "2020-12-28"]],
  ["Elections will be held on January 10.", "2020-12-30", ["2021-01-10", "2021-01-10"]],
  // The tense picks the year unless the other side's date is near: a day off is a slip of the
  // reference or of the tense, not a year.
  ["The decision came on 3rd September.", "2021-09-02", ["2021-09-03", "2021-09-03"]],
  ["The decision came on 3rd December.", "2021-09-02", ["2020-12-03", "2020-12-03"]],
  ["June 2 - BP works on a plan to cap the well.", "2010-06-03", ["2010-06-02", "2010-06-02"]],
  ["The talks will resume on 3rd September.", "2021-09-02", ["2021-09-03", "2021-09-03"]],
  ["He was born on February 29.", "2021-03-05", ["2020-02-29", "2020-02-29"]],
  ["The leap-day vote took place on 29 February.", "2024-03-01", ["2024-02-29", "2024-02-29"]],
  ["Shops reopened on Aug. 25.", "2021-09-02", ["2021-08-25", "2021-08-25"]],
  ["Troops left on the 31st of August.", "2021-09-02", ["2021-08-31", "2021-08-31"]],
  ["Clocks change on March 28.", "2021-03-20", ["2021-03-28", "2021-03-28"]],
  [
    "The rally was on October 31, when clocks went back.",
    "2021-11-02",
    ["2021-10-31", "2021-10-31"],
  ],
  // Explicit dates.
  ["Thursday, October 21, 2021", "2022-01-15", ["2021-10-21", "2021-10-21"]],
  ["The accord was signed on 29 February 2020.", "2021-09-02", ["2020-02-29", "2020-02-29"]],
  ["It was published on 2021-08-25.", "2021-09-02", ["2021-08-25", "2021-08-25"]],
  ["Kabul fell on August 15, 2021.", "2022-01-15", ["2021-08-15", "2021-08-15"]],
  ["The war began in March 2020.", "2021-09-02", ["2020-03-01", "2020-03-31"]],
  ["The treaty dates from 1998.", "2021-09-02", ["1998-01-01", "1998-12-31"]],
  ["The resistance shaped politics in the 1990s.", "2021-09-02", ["1990-01-01", "1999-12-31"]],
  ["Turnout fell in August.", "2021-09-02", ["2021-08-01", "2021-08-31"]],
  ["Turnout fell in November.", "2021-09-02", ["2020-11-01", "2020-11-30"]],
  ["Voting will take place in November.", "2021-09-02", ["2021-11-01", "2021-11-30"]],
  ["Sales peaked last February.", "2021-03-10", ["2021-02-01", "2021-02-28"]],
  ["Sales peaked last April.", "2021-03-10", ["2020-04-01", "2020-04-30"]],
  ["The plant opened this September.", "2021-10-02", ["2021-09-01", "2021-09-30"]],
  ["The plant opens next March.", "2021-10-02", ["2022-03-01", "2022-03-31"]],
  // Seasons (northern hemisphere), quarters and the periods business news reports on.
  ["Protests are planned this summer.", "2021-03-10", ["2021-06-01", "2021-08-31"]],
  ["The offensive stalled last winter.", "2021-03-10", ["2020-12-01", "2021-02-28"]],
  ["The plant closed in the fall of 2019.", "2021-03-10", ["2019-09-01", "2019-11-30"]],
  ["Shares will fall in spring.", "2021-03-10", null],
  ["Profit rose 5% in the quarter.", "2021-10-26", ["2021-07-01", "2021-09-30"]],
  ["Profit will rise in the current quarter.", "2021-10-26", ["2021-10-01", "2021-12-31"]],
  ["Third-quarter profit rose.", "2021-10-26", ["2021-07-01", "2021-09-30"]],
  [
    "Profit was $4 million a year earlier, on third-quarter sales.",
    "2021-10-26",
    ["2020-07-01", "2020-09-30"],
  ],
  ["Net income was $4 million a year earlier.", "2021-10-26", ["2020-01-01", "2020-12-31"]],
  ["Profit doubled in the year-ago quarter.", "2021-10-26", ["2020-07-01", "2020-09-30"]],
  ["The company expects a loss for the year.", "2021-10-26", ["2021-01-01", "2021-12-31"]],
  ["Sales fell in the previous quarter.", "2021-02-10", ["2020-10-01", "2020-12-31"]],
  // A deadline in a past-tense sentence is still ahead.
  ["The offer, which expires Nov. 20, was extended.", "2021-11-02", ["2021-11-20", "2021-11-20"]],
  [
    "The dividend is payable Jan. 2 to holders of record Dec. 15.",
    "2021-11-02",
    ["2022-01-02", "2022-01-02"],
  ],
  [
    "He stepped down as chairman, president and chief executive in March.",
    "2021-10-30",
    ["2021-03-01", "2021-03-31"],
  ],
  // Explicit ranges.
  ["Fighting raged between 2 and 6 September.", "2021-09-10", ["2021-09-02", "2021-09-06"]],
  ["The fair runs from 2 to 6 September 2022.", "2021-09-10", ["2022-09-02", "2022-09-06"]],
  ["Strikes ran from September 2 to 6.", "2021-09-10", ["2021-09-02", "2021-09-06"]],
  ["The festival lasts from 28 to 31 December.", "2020-12-30", ["2020-12-28", "2020-12-31"]],
  // Durations, ages, clock times and impossible dates are not dates.
  ["after 20 years of presence in Afghanistan", "2021-09-06", null],
  ["a 13-year-old girl was injured", "2021-09-06", null],
  ["The siege lasted for three days.", "2021-09-06", null],
  ["January 15, 2022 at 10:57 am", "2022-01-15", ["2022-01-15", "2022-01-15"]],
  ["The meeting started at 10:57 am.", "2022-01-15", null],
  // Numbers that look like dates: prices and fractions, clock times that look like years.
  ["The stock rose 5/8 to 41-1/4 in active trading.", "1987-03-02", null],
  ["Bonds fell 10-13/16 points.", "1987-03-02", null],
  ["The bill passed with a 3/4 majority.", "1987-03-02", null],
  ["Trading halted at 1530 local time.", "1987-03-02", null],
  ["The close, 1530 GMT, was quiet.", "1987-03-02", null],
  ["The filing of 5/8/1987 was late.", "1987-06-02", ["1987-05-08", "1987-05-08"]],
  ["The filing of 12.03.87 was late.", "1987-06-02", ["1987-12-03", "1987-12-03"]],
  ["The filing of 5/8/1987 at 10 am was late.", "1987-06-02", ["1987-05-08", "1987-05-08"]],
  ["The plant opened in 1530 as a mill.", "2021-03-02", ["1530-01-01", "1530-12-31"]],
  ["The rebels have fought for decades.", "2021-09-02", null],
  // A span counted back from the writing is no vague past; "in five years" no year to come, even
  // when chrono reads the figure after it as a clock time.
  ["The index fell 2,000 points in the past nine days.", "2008-10-09", null],
  ["Prices were higher in the past.", "2008-10-09", ["2007-10-10", "2008-10-08"]],
  ["The index fell to its lowest level in five years at 8,579.19.", "2008-10-20", null],
  ["Fighting raged between 30 and 31 February.", "2021-09-02", null],
  ["Nothing happened.", "2021-09-02", null],
  // A reference that is itself a range widens the result honestly.
  [
    "The talks were held on Wednesday.",
    { start: "2021-08-25", end: "2021-08-26" },
    ["2021-08-25", "2021-08-25"],
  ],
  [
    "The talks were held on Wednesday.",
    { start: "2021-08-26", end: "2021-09-02" },
    ["2021-08-25", "2021-09-01"],
  ],
  ["He died yesterday.", { start: "2021-08-30", end: "2021-09-05" }, ["2021-08-29", "2021-09-04"]],
  [
    "Exports fell last month.",
    { start: "2021-08-25", end: "2021-09-05" },
    ["2021-07-01", "2021-08-31"],
  ],
];

describe("resolveDates", () => {
  it("has at least 80 phrasings", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES)("%j against %j", (text, reference, expected) => {
    const [first] = resolveDates(text, reference);
    if (expected === null) {
      expect(first).toBeUndefined();
      return;
    }
    expect(first, `no date found in ${text}`).toBeDefined();
    expect([first?.estimate.start, first?.estimate.end]).toEqual(expected);
    expect(DateEstimateSchema.safeParse(first?.estimate).success).toBe(true);
  });

  it("keeps the expression and the reference as evidence", () => {
    const [first] = resolveDates("The talks were held on Wednesday.", {
      start: "2021-08-25",
      end: "2021-08-26",
      evidence: "date line 'Wednesday, August 25, 2021'",
    });
    expect(first?.text).toBe("on Wednesday");
    expect(first?.estimate.evidence).toEqual([
      { text: "on Wednesday", rule: "weekday-past" },
      { text: "2021-08-25/2021-08-26", rule: "reference" },
      { text: "date line 'Wednesday, August 25, 2021'", rule: "reference-basis" },
    ]);
  });

  it("lowers confidence when a range reference widens the result", () => {
    const [day] = resolveDates("He died yesterday.", "2021-09-02");
    const [week] = resolveDates("He died yesterday.", { start: "2021-08-30", end: "2021-09-05" });
    expect(week?.estimate.precision).toBe("week");
    expect(week?.estimate.confidence).toBeLessThan(day?.estimate.confidence ?? 0);
  });

  it("finds every expression of a text, in order", () => {
    const found = resolveDates(
      "On Monday the minister said talks held at the weekend would resume on 20 January.",
      "2022-01-15",
    );
    expect(found.map((f) => f.text)).toEqual(["On Monday", "at the weekend", "20 January"]);
  });
});

const day = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2035-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const phrase = fc.constantFrom(
  "on Wednesday",
  "will meet on Friday",
  "at the weekend",
  "last week",
  "earlier this month",
  "late last year",
  "in recent days",
  "on August 15",
  "on 29 February",
  "between 2 and 6 September",
  "yesterday",
  "next month",
  "in March",
  "two days ago",
  "mid-May",
  "the 1990s",
  "for three days",
  "last Sunday",
);
const SPAN_DAYS = { day: 1, week: 7, month: 31, year: 366 } as const;

describe("resolveDates properties", () => {
  it("start ≤ end, precision agrees with the span, same input → same output", () => {
    fc.assert(
      fc.property(phrase, day, fc.integer({ min: 0, max: 10 }), (text, start, width) => {
        const end = new Date(Date.parse(start) + width * 86_400_000).toISOString().slice(0, 10);
        const reference = { start, end };
        const first = resolveDates(`They said ${text}.`, reference);
        expect(resolveDates(`They said ${text}.`, reference)).toEqual(first);
        for (const { estimate } of first) {
          expect(DateEstimateSchema.safeParse(estimate).success).toBe(true);
          const s = estimate.start as string;
          const e = estimate.end as string;
          expect(s <= e).toBe(true);
          const days = (Date.parse(e) - Date.parse(s)) / 86_400_000 + 1;
          if (estimate.precision === "unknown") expect(days).toBeGreaterThan(366);
          else expect(days).toBeLessThanOrEqual(SPAN_DAYS[estimate.precision]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
