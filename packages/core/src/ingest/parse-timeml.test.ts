import { describe, expect, it } from "vitest";
import { decodeXmlEntities } from "./decode-xml-entities.js";
import { CorpusError } from "./errors.js";
import { parseTimeMl } from "./parse-timeml.js";

// The shape of SemEval-2015's Wikinews TimeML: the title again as the first sentence, a date line.
const SENTENCES = `<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>4764</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2005-02-17">2005-02-17</TIMEX3></DCT>
<EXTRAINFO>Boeing unveils long-range 777</EXTRAINFO>
<TEXT><s id="0">Boeing unveils long-range 777</s><s id="1">February 17 , 2005</s><s id="2">Boeing has <EVENT eid="e1">unveiled</EVENT> a new version , Air &amp; Space said .</s></TEXT>
</TimeML>`;

// The shape of TimeBank: annotated running text in paragraphs, an id line for extra information.
const PARAGRAPHS = `<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>ABC19980108.1830.0711</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<EXTRAINFO>
ABC19980108.1830.0711 NEWS STORY
</EXTRAINFO>
<TEXT>
The Indonesian stock market has <EVENT eid="e7" class="OCCURRENCE">fallen</EVENT> by twelve
percent in <TIMEX3 tid="t85" type="DURATION" value="P1D">the last day</TIMEX3>.

Stocks <EVENT eid="e10">hit</EVENT> a five year low.
</TEXT>
</TimeML>`;

describe("parseTimeMl", () => {
  it("reads marked sentences, the creation time as the date and the title from EXTRAINFO", () => {
    const { draft, warnings } = parseTimeMl(SENTENCES, "a.tml");
    expect(draft.title).toBe("Boeing unveils long-range 777");
    // The title printed again above the story is dropped; the annotation is taken out.
    expect(draft.paragraphs).toEqual([
      "February 17 , 2005",
      "Boeing has unveiled a new version , Air & Space said .",
    ]);
    expect(draft.dates).toEqual([{ text: "2005-02-17", rule: "timeml:DCT", date: "2005-02-17" }]);
    expect(draft.origin).toEqual({ path: "a.tml", format: "timeml" });
    expect(warnings).toEqual([]);
  });

  it("reads running text in paragraphs at blank lines; an id line is no title", () => {
    const { draft } = parseTimeMl(PARAGRAPHS, "b.tml");
    expect(draft.title).toBe("");
    expect(draft.paragraphs).toEqual([
      "The Indonesian stock market has fallen by twelve percent in the last day.",
      "Stocks hit a five year low.",
    ]);
    expect(draft.dates[0]?.date).toBe("1998-01-08");
  });

  it("says what it found when the creation time names no day, and when there is none", () => {
    const undated = SENTENCES.replace('value="2005-02-17"', 'value="PRESENT_REF"');
    const read = parseTimeMl(undated, "c.tml");
    expect(read.draft.dates).toEqual([{ text: "PRESENT_REF", rule: "timeml:DCT" }]);
    expect(read.warnings).toEqual([
      'expected the <DCT> time\'s value to be a day like 2005-02-17, found "PRESENT_REF"',
    ]);
    const none = parseTimeMl(SENTENCES.replace(/<DCT>.*<\/DCT>/, ""), "d.tml");
    expect(none.draft.dates).toEqual([]);
    expect(none.warnings[0]).toMatch(/no document creation time/);
  });

  it("names the file when there is no text", () => {
    expect(() => parseTimeMl("<TimeML><DOCID>1</DOCID></TimeML>", "e.tml")).toThrow(CorpusError);
    expect(() => parseTimeMl("<TimeML></TimeML>", "e.tml")).toThrow(/e\.tml.*<TEXT>|<TEXT>/);
  });
});

describe("decodeXmlEntities", () => {
  it("decodes predefined entities and character references, once", () => {
    expect(decodeXmlEntities("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")).toBe(
      "a & b <c> \"d\" 'e'",
    );
    expect(decodeXmlEntities("caf&#233; caf&#xE9; &amp;lt;")).toBe("café café &lt;");
  });

  it("drops references to control characters and leaves unknown entities", () => {
    expect(decodeXmlEntities("&#2;story&#3; &#127; &nbsp; &#99999999;")).toBe(
      "story \u007f &nbsp; &#99999999;",
    );
  });
});
