import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Article, dayEstimate, UNKNOWN_DATE } from "@briefing/core";
import type { MentionRecord } from "@briefing/summariser";
import { afterAll, describe, expect, it } from "vitest";
import { goldRange, readGoldEvents, scoreEventDating, timeMlSentences } from "./event-dating.js";

const TML = `<TimeML><DOCID>7</DOCID><TEXT><s id="0">Ford posts profit</s><s id="1">Ford said on Tuesday that sales rose 43 % in February .</s><s id="2">Shares of S&amp;P firms fell .</s></TEXT></TimeML>`;

const dir = mkdtempSync(join(tmpdir(), "briefing-event-dating-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(text: string, date: MentionRecord["date"], reports = true): MentionRecord {
  return {
    mention: { articleId: "a", sentence: 0, span: [0, text.length], text },
    kind: "other",
    date,
    names: [],
    numbers: [],
    terms: [],
    speech: false,
    position: 0,
    reports,
  };
}

describe("event dating against SemEval-2015 gold timelines", () => {
  it("reads gold dates at their precision, an undated event as null", () => {
    expect(goldRange("2010-03-02")).toEqual(["2010-03-02", "2010-03-02"]);
    expect(goldRange("2009-02-XX")).toEqual(["2009-02-01", "2009-02-28"]);
    expect(goldRange("2003-XX-XX")).toEqual(["2003-01-01", "2003-12-31"]);
    expect(goldRange("XXXX-XX-XX")).toBeNull();
    expect(timeMlSentences(TML).get(2)).toBe("Shares of S&P firms fell .");
  });

  it("scores each gold sentence by the date of the record that tells it; headlines apart", () => {
    mkdirSync(join(dir, "TimeLines_Gold_Standard"));
    writeFileSync(
      join(dir, "TimeLines_Gold_Standard", "ford.txt"),
      "Ford\n0\tXXXX-XX-XX\t7-2-fell\n1\t2010-03-02\t7-0-posts\n1\t2010-03-02\t7-1-said\t7-1-said\n2\t2010-02-XX\t7-1-rose\n",
    );
    const gold = readGoldEvents(dir);
    expect(gold).toHaveLength(4);
    const path = join(dir, "7_Ford.tml");
    const article: Article = {
      id: "a",
      title: "Ford posts profit",
      paragraphs: [],
      language: "en",
      published: dayEstimate("2010-03-03", [], 0.9),
      origins: [{ path, format: "timeml" }],
    };
    const tuesday = dayEstimate("2010-03-02", [{ text: "on Tuesday", rule: "weekday-past" }], 0.8);
    const score = scoreEventDating(
      gold,
      new Map([["7", { path, text: TML }]]),
      [article],
      [
        [
          record("Ford said on Tuesday that sales rose 43% in February.", tuesday),
          record("Shares of S&P firms fell.", UNKNOWN_DATE, false),
        ],
      ],
    );
    expect(score).toEqual({
      dated: 2,
      found: 2,
      given: 2,
      within: 1,
      days: 1,
      exactDays: 1,
      undated: 1,
      undatedToo: 1,
      titles: 1,
    });
  });
});
