import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus } from "@briefing/core/ingest";
import { describe, expect, it } from "vitest";
import { redate, writeReutersSample } from "./reuters-sample.js";

const story = (id: number, day: string, title: string, body: string) =>
  `<REUTERS TOPICS="YES" OLDID="${5000 + id}" NEWID="${id}">
<DATE>${day}-MAR-1987 10:00:00.00</DATE>
<TEXT>&#2;<TITLE>${title}</TITLE>
<DATELINE>    NEW YORK, March ${day} - </DATELINE><BODY>${body}
 Reuter
&#3;</BODY></TEXT>
</REUTERS>`;

const CORPUS = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
${story(1, "02", "COFFEE EXPORTS RISE", "Brazil's coffee exports rose in February compared with 1986, the institute said on Monday, and it expected a larger crop in 1987 as well.")}
${story(2, "03", "STEEL OUTPUT FALLS", "Steel output fell eight pct in the week to February 28, the industry association said, the third weekly fall in a row for the mills.")}
`;

describe("writeReutersSample", () => {
  it("writes the corpus and then copies moved on by whole years that load as distinct stories", async () => {
    const dir = await mkdtemp(join(tmpdir(), "reuters-sample-"));
    await writeFile(join(dir, "reut2-000.sgm"), CORPUS, "latin1");
    const out = join(dir, "sample");
    expect(await writeReutersSample({ source: dir, out, stories: 5 })).toBe(5);
    expect(await readdir(out)).toEqual(["reut2-000.sgm"]);
    const { articles, problems } = await loadCorpus([out]);
    expect(problems).toEqual([]);
    expect(new Set(articles.map((a) => a.id)).size).toBe(5);
    expect(articles.map((a) => a.published.start).sort()).toEqual([
      "1987-03-02",
      "1987-03-03",
      "1988-03-02",
      "1988-03-03",
      "1989-03-02",
    ]);
  });

  it("moves dates, years in the text and ids, and leaves the first copy as it is", () => {
    const original = story(
      1,
      "02",
      "COFFEE",
      "Exports in 1986 and 1987 rose 12 pct to 1,987 bags.",
    );
    expect(redate(original, 0, 100)).toBe(original);
    const moved = redate(original, 2, 100);
    expect(moved).toContain('OLDID="5201" NEWID="201"');
    expect(moved).toContain("<DATE>02-MAR-1989");
    expect(moved).toContain("Exports in 1988 and 1989 rose 12 pct to 1,987 bags.");
    expect(moved).toContain("<TITLE>COFFEE (copy 2)</TITLE>");
    const untitled = original.replace("<TITLE>COFFEE</TITLE>", "");
    expect(redate(untitled, 1, 100)).toContain("<TEXT><TITLE>(copy 1)</TITLE>&#2;");
  });
});
