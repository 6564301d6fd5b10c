import { describe, expect, it } from "vitest";
import { parseReutersSgml } from "./parse-reuters-sgml.js";

const SGML = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE> 3-MAR-1987 09:15:00.00</DATE>
<TOPICS><D>grain</D></TOPICS>
<TEXT>&#2;
<TITLE>EXAMPLE GRAIN &lt;EXG> RAISES OUTPUT</TITLE>
<DATELINE>    CHICAGO, March 3 - </DATELINE><BODY>Example Grain Co &lt;EXG> said it raised
output by 5 pct in the first quarter.
    The company said demand from Asia was strong.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>3-MAR-1987 09:20:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>BRIEF HEADLINE ONLY</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="9">
<DATE>99-XYZ-1987</DATE>
<TEXT><TITLE>BAD DATE STORY</TITLE><BODY>Body of a story with a bad date.</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="10">
<DATE>3-MAR-1987</DATE>
<TEXT><TITLE>CUT OFF`;

describe("parseReutersSgml", () => {
  const parsed = parseReutersSgml(SGML, "reut.sgm");

  it("reads title, paragraphs and date, decoding entities and dropping the sign-off", () => {
    expect(parsed.drafts[0]).toMatchObject({
      title: "EXAMPLE GRAIN <EXG> RAISES OUTPUT",
      paragraphs: [
        "Example Grain Co <EXG> said it raised output by 5 pct in the first quarter.",
        "The company said demand from Asia was strong.",
      ],
      publisher: "Reuters",
      origin: { path: "reut.sgm#7", format: "reuters-sgml" },
    });
    expect(parsed.drafts[0]?.dates).toEqual([
      { text: "3-MAR-1987 09:15:00.00", rule: "reuters:DATE", date: "1987-03-03" },
    ]);
  });

  it("keeps headline-only stories", () => {
    expect(parsed.drafts[1]).toMatchObject({ title: "BRIEF HEADLINE ONLY", paragraphs: [] });
  });

  it("warns about a malformed date and keeps the story", () => {
    expect(parsed.drafts[2]?.title).toBe("BAD DATE STORY");
    expect(parsed.warnings).toEqual([
      { where: "reut.sgm#9", message: 'expected a <DATE> like 26-FEB-1987, found "99-XYZ-1987"' },
    ]);
  });

  it("counts a story cut off at the end of the file", () => {
    expect(parsed.drafts).toHaveLength(3);
    expect(parsed.unclosed).toBe(1);
  });
});
