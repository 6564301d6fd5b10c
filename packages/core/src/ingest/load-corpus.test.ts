import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleSchema, ProblemSchema } from "../index.js";
import { loadCorpus } from "./load-corpus.js";

const STORY =
  "Storm closes the harbour\n\nA storm closed the harbour on Monday, stranding ferries and fishing boats for the third time this winter, the port authority said.";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "briefing-load-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, content);
  return path;
}

describe("loadCorpus", () => {
  it("reads folders recursively in name order, every format, with origins", async () => {
    const root = join(dir, "mixed");
    await write("mixed/b/story.txt", STORY);
    await write(
      "mixed/a.md",
      "---\ntitle: Port reopens\ndate: 2023-03-09\n---\nThe port reopened on Thursday after the storm passed and the wind dropped.",
    );
    await write(
      "mixed/c.jsonl",
      `${JSON.stringify({ id: "x", time: "2023-03-10", text: "Ferries ran again on Friday." })}\n`,
    );
    await write("mixed/.hidden.txt", STORY);
    const { articles, problems } = await loadCorpus(root);
    expect(articles.map((a) => a.origins[0]?.path)).toEqual([
      join(root, "a.md"),
      join(root, "b/story.txt"),
      join(root, "c.jsonl:1"),
    ]);
    expect(articles.map((a) => a.published.start)).toEqual(["2023-03-09", null, "2023-03-10"]);
    expect(problems).toEqual([
      { path: root, message: "passed over 1 hidden entry: .hidden.txt", severity: "warning" },
    ]);
  });

  it("reads TimeML: its creation time dates the article, its tokens are joined as prose", async () => {
    const path = await write(
      "timeml/4764.tml",
      `<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>4764</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2005-02-17">2005-02-17</TIMEX3></DCT>
<EXTRAINFO>Boeing unveils long-range 777</EXTRAINFO>
<TEXT><s id="0">Boeing unveils long-range 777</s><s id="1">Boeing has <EVENT eid="e1">unveiled</EVENT> a new ultra-long range version of its 777 airliner , capable of flying from London to Sydney non-stop .</s><s id="2">So far , Boeing has received five orders from two customers ( Pakistan International Airlines and EVA Airways ) .</s><s id="3">The aircraft can fly from New York to Singapore , from Los Angeles to Dubai , and from London to Sydney , with a full load , Boeing said .</s><s id="4">It flew on Tuesday , he said ; it lands on Friday .</s></TEXT>
</TimeML>`,
    );
    const { articles, problems } = await loadCorpus(path);
    expect(problems).toEqual([]);
    const [article] = articles;
    expect(article?.title).toBe("Boeing unveils long-range 777");
    expect(article?.published.start).toBe("2005-02-17");
    expect(article?.origins).toEqual([{ path, format: "timeml" }]);
    expect(article?.paragraphs).toEqual([
      "Boeing has unveiled a new ultra-long range version of its 777 airliner, capable of flying from London to Sydney non-stop.",
      "So far, Boeing has received five orders from two customers (Pakistan International Airlines and EVA Airways).",
      "The aircraft can fly from New York to Singapore, from Los Angeles to Dubai, and from London to Sydney, with a full load, Boeing said.",
      "It flew on Tuesday, he said; it lands on Friday.",
    ]);
  });

  it("turns each bad file into one problem with its path and loads the rest", async () => {
    const good = await write("bad/good.txt", STORY);
    const empty = await write("bad/empty.txt", "");
    const blank = await write("bad/blank.txt", "   \n\n  ");
    const binary = await write("bad/image.png", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13));
    const json = await write("bad/broken.json", '{"title": "x", "text": ');
    const feed = await write("bad/feed.xml", "<?xml version='1.0'?><note>not a feed</note>");
    const big = await write("bad/big.txt", `${STORY}\n\n${"More words here. ".repeat(200)}`);
    const missing = join(dir, "bad/nope.txt");
    await symlink(join(dir, "bad/gone.txt"), join(dir, "bad/dangling.txt"));
    const { articles, problems } = await loadCorpus([join(dir, "bad"), missing], {
      maxFileBytes: 1000,
    });
    expect(articles.map((a) => a.origins[0]?.path)).toEqual([good]);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath[empty]).toBe("empty file: expected an article, found 0 bytes");
    expect(byPath[blank]).toBe("empty file: expected an article, found only white space");
    expect(byPath[binary]).toMatch(/^expected text, found binary data/);
    expect(byPath[json]).toMatch(/^expected JSON;/);
    expect(byPath[feed]).toMatch(/^expected an RSS, Atom, RDF or JSON feed/);
    expect(byPath[big]).toMatch(/^file is 3\.\d KB, over the 1000 bytes limit/);
    expect(byPath[missing]).toBe("no such file or folder");
    expect(byPath[join(dir, "bad/dangling.txt")]).toBe("no such file or folder");
    expect(problems).toHaveLength(8);
  });

  it("folds duplicates across formats into one article with both origins", async () => {
    const text = await write("dup/story.txt", STORY);
    const md = await write(
      "dup/story.md",
      `---\ntitle: Storm closes the harbour\npublisher: Coast News\n---\n${STORY.split("\n\n")[1]}`,
    );
    const { articles, folded } = await loadCorpus(join(dir, "dup"));
    expect(articles).toHaveLength(1);
    expect(articles[0]?.origins.map((o) => o.path).sort()).toEqual([md, text].sort());
    expect(articles[0]?.publisher).toBe("Coast News");
    expect(folded).toHaveLength(1);
  });

  it("keeps duplicates apart when asked to", async () => {
    const { articles } = await loadCorpus(join(dir, "dup"), { duplicates: { fold: false } });
    expect(articles).toHaveLength(2);
  });

  it("reports its progress through each stage, ending at the total", async () => {
    const seen: string[] = [];
    await loadCorpus(join(dir, "dup"), {
      onProgress: ({ stage, done, total }) => seen.push(`${stage} ${done}/${total}`),
    });
    expect(seen).toEqual([
      "read 0/2",
      "read 1/2",
      "parse 0/2",
      "parse 1/2",
      "build 0/2",
      "build 1/2",
      "build 2/2",
    ]);
  });

  it("gives each article as it is built, a few dozen at a time, before folding", async () => {
    for (let n = 0; n < 70; n++)
      await write(
        `many/story-${String(n).padStart(2, "0")}.txt`,
        `Council ${n} approves budget\n\nThe council of district ${n} approved its budget of ${n * 7} million on Monday, officials said, after a debate about roads.`,
      );
    await write("many/story-70.txt", STORY);
    await write("many/story-71.txt", STORY);
    const batches: string[][] = [];
    const { articles } = await loadCorpus(join(dir, "many"), {
      onBuilt: (built) => {
        batches.push(built.map((a) => a.id));
      },
    });
    const unfolded = await loadCorpus(join(dir, "many"), { duplicates: { fold: false } });
    expect(batches.flat()).toEqual(unfolded.articles.map((a) => a.id));
    expect(batches.map((b) => b.length)).toEqual([32, 32, 8]);
    expect(articles).toHaveLength(71);
  });

  it("gives last the articles whose language only the model tells, keeping the files' order", async () => {
    await write("languages/a.txt", STORY);
    await write(
      "languages/b.txt",
      "Les pêcheurs bloqués au port\n\nUne tempête a fermé le port lundi, bloquant les ferries et les bateaux de pêche pour la troisième fois cet hiver, selon l'autorité portuaire.",
    );
    await write(
      "languages/c.md",
      "# Ferries sail again\n\nThe ferries sailed again on Tuesday once the storm had passed, and the port authority said the harbour would stay open for the rest of the week.",
    );
    const given: string[] = [];
    const { articles } = await loadCorpus(join(dir, "languages"), {
      onBuilt: (built) => {
        given.push(...built.map((a) => a.language));
      },
    });
    expect(given).toEqual(["en", "en", "fr"]);
    expect(articles.map((a) => a.language)).toEqual(["en", "fr", "en"]);
  });

  it("tells the corpus's size once its files are read, before building any article", async () => {
    await write("sized/a.txt", STORY);
    await write("sized/b.md", `# Second story\n\n${STORY}`);
    const told: string[] = [];
    await loadCorpus(join(dir, "sized"), {
      onRead: (size) => told.push(`read ${size.documents} ${size.characters}`),
      onBuilt: (built) => {
        told.push(`built ${built.length}`);
      },
    });
    expect(told).toEqual([`read 2 ${2 * STORY.length + "# Second story\n\n".length}`, "built 2"]);
  });

  it("gives the same result twice", async () => {
    const first = await loadCorpus(join(dir, "mixed"));
    const second = await loadCorpus(join(dir, "mixed"));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("never throws on arbitrary bytes and always returns valid articles and problems", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.string({ maxLength: 600 }).map((s) => new TextEncoder().encode(s)),
          fc
            .constantFrom(
              "<rss><channel><item><title>",
              '{"articles": [{',
              "---\ntitle: [",
              "<REUTERS NEWID=1><TITLE>x",
              "<html><body><p>",
            )
            .chain((prefix) =>
              fc.string({ maxLength: 300 }).map((rest) => new TextEncoder().encode(prefix + rest)),
            ),
        ),
        fc.constantFrom("x.txt", "x.json", "x.jsonl", "x.xml", "x.html", "x.md", "x.sgm", "x"),
        async (bytes, name) => {
          const path = await write(`fuzz/${n++}/${name}`, bytes);
          const result = await loadCorpus(path);
          for (const article of result.articles)
            expect(ArticleSchema.safeParse(article).success).toBe(true);
          for (const problem of result.problems)
            expect(ProblemSchema.safeParse(problem).success).toBe(true);
          expect(result.articles.length + result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
