import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown.js";
import { fixtureBriefing } from "./test-support/fixture-briefing.js";

describe("renderMarkdown", () => {
  it("renders the fixture briefing", () => {
    expect(renderMarkdown(fixtureBriefing())).toMatchInlineSnapshot(`
      "# Valley: talks to offensive

      *Briefing of 4 articles, events from Wed 25 Aug 2021 to Mon 6 Sep 2021. Generated 2021-09-08 06:00 UTC.*

      Delegations met in Charikar for talks.[^1][^2] Fighting spread to the valley's districts.[^2][^3]

      ## Valley: talks to offensive

      ### August 2021

      - **Wed 25 Aug**: Delegations met in Charikar for talks.[^1][^2] *(2 sources)*
        - Dated from ‘on Wednesday’
      - **Sun 29 Aug**: The front offered a ceasefire.[^1] *(single source)*
        - Dated from ‘on Sunday’

      ### September 2021

      - **Mon 6 Sep**: Fighting spread to the valley's districts.[^2][^3] *(2 sources)*
        - Dated from ‘on Monday’
        - **Disputed** killed: 10[^2] vs 34[^3]
      - **Mon 6 Sep**: A spokesman said little.[^3] *(single source)*
        - Dated from ‘on Monday’

      ## Background

      - The valley resisted in the 1990s.[^1][^2]

      ## Key actors

      - **Ahmad Massoud** (person; also Ahmad Masood, Massoud)
      - **National Resistance Front** (organisation; also NRF)

      ## Single-source and disputed

      - Disputed killed, Mon 6 Sep 2021: Fighting spread to the valley's districts.[^2][^3]
      - Single source, Sun 29 Aug 2021: The front offered a ceasefire.[^1]

      ## Sources

      [^1]: Two Times, “Title a2”, Wed 1 Sep 2021, <https://two.example/a2>
      [^2]: Daily One, “Title a1”, Mon 6 Sep 2021, <https://one.example/talks?id=1&lang=en>
      [^3]: “Fighting in the valley”, Wed 1 Sep 2021, \`corpus/a3.txt\`

      Also read, with nothing cited above:

      - “An article nothing cites”, Wed 1 Sep 2021, \`corpus/a4.txt\`

      ## Input problems

      - error: \`corpus/empty.txt\`: expected article text, found an empty file
      "
    `);
  });
});
