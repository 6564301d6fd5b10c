import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { analyseParagraphs, analyseText } from "./analyse-text.js";
import { articleText } from "./article-text.js";

const values = (text: string) => analyseText(text).flatMap((s) => s.tokens.map((t) => t.value));

describe("analyseText", () => {
  it("tokenises a sentence the same whatever was read before it", () => {
    const fresh = values("Zorblax's chief resigned on Monday.");
    // wink-nlp caches unknown words whole: "Zorblax's," used to leave "Zorblax's" unsplit after.
    values("The board backed Zorblax's, officials said.");
    expect(values("Zorblax's chief resigned on Monday.")).toEqual(fresh);
    expect(fresh.slice(0, 2)).toEqual(["Zorblax", "'s"]);
    // The same within one text: clitics are split before wink-nlp reads it.
    const both = values("The board backed Zorblax's, officials said. Zorblax's chief resigned.");
    expect(both.filter((v) => v.startsWith("Zorblax"))).toEqual(["Zorblax", "Zorblax"]);
  });

  it("splits sentences the same whatever was read before", () => {
    const text =
      "Cargoes sold at 126 dlrs a tonne on the f.o.b. basis early in the week, traders said.";
    // wink-nlp caches "F.O.B" whole and would then end a sentence at "f.o.b." (reading the
    // sentence first would hide this: it caches "f.o.b." whole too).
    analyseText("The exchange said delivery will be F.O.B from the seller's pipeline.");
    expect(analyseText(text).map((s) => s.text)).toEqual([text]);
  });

  it("splits sentences the same whatever came before in the same text", () => {
    const first = "The exchange said delivery will be F.O.B from the seller's pipeline.";
    const second =
      "Cargoes sold at 126 dlrs a tonne on the f.o.b. basis early in the week, traders said.";
    expect(analyseText(`${first} ${second}`).map((s) => s.text)).toEqual([first, second]);
  });

  it("tags a word the same whatever category it was first learned under", () => {
    const table = "Ind Ttl-F 24,355.5 24,271.3 USDAPRJ-G 27,900.0 27,900.0";
    const tags = (text: string) => analyseText(text).flatMap((s) => s.tokens.map((t) => t.pos));
    const first = tags(table);
    // "USD" alone is learned as a word; in the table wink-nlp reads it as a currency symbol.
    analyseText("USD 2.0543-48");
    expect(tags(table)).toEqual(first);
  });

  it("reads every text the same after any others, in any order", () => {
    // Texts whose unknown words wink-nlp would learn and read differently later: clitics on
    // new names, dotted abbreviations, a currency code in and out of a table, new shapes.
    const pool = [
      "The board backed Zorblax's, officials said.",
      "Zorblax's chief resigned on Monday.",
      "The exchange said delivery will be F.O.B from the seller's pipeline.",
      "Cargoes sold at 126 dlrs a tonne on the f.o.b. basis early in the week, traders said.",
      "Ind Ttl-F 24,355.5 24,271.3 USDAPRJ-G 27,900.0 27,900.0",
      "USD 2.0543-48",
      "Qx-7Vv and QX7VV met at Wexnor-on-Tyne; wexnor's mayor said so.",
      "#oilspill @BPAmerica http://bp.example/x?y=1 :-) 3rd-qtr",
    ];
    const read = (text: string) =>
      JSON.stringify(analyseText(text).map((s) => s.tokens.map((t) => [t.value, t.pos, t.lemma])));
    const alone = new Map(pool.map((text) => [text, read(text)]));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }), (texts) => {
        for (const text of texts) expect(read(text)).toBe(alone.get(text));
      }),
      { numRuns: 100 },
    );
  });

  it("gives offsets into the text it was given", () => {
    const text = "Kelvaro's plan won't pass, officials said.";
    for (const sentence of analyseText(text))
      for (const token of sentence.tokens)
        expect(text.slice(token.start, token.start + token.value.length)).toBe(token.value);
  });

  it("reads the same tags and lemmas as wink-nlp's full pipeline, without its entities", () => {
    const text =
      "Talks between the National Resistance Front and the Taliban were held in Tehran on " +
      "Wednesday. The U.S. Federal Reserve raised rates by 0.25 percent, said Jerome Powell.";
    const full = winkNLP(model);
    const doc = full.readDoc(text);
    const its = full.its;
    const lemma = its.lemma as unknown as typeof its.value;
    const poses = doc.tokens().out(its.pos);
    const lemmas = doc.tokens().out(lemma);
    const expected = doc
      .tokens()
      .out(its.value)
      .map((value, i) => [value, poses[i], lemmas[i]]);
    const read = analyseText(text).flatMap((s) => s.tokens.map((t) => [t.value, t.pos, t.lemma]));
    expect(read).toEqual(expected);
    expect(analyseText(text)).toHaveLength(doc.sentences().length());
  });
});

describe("wink-eng-lite-web-model as patched (patches/wink-eng-lite-web-model@1.8.1.patch)", () => {
  it("reads the model its own loader read: the file through JSON, base64 decoded byte for byte", async () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve("wink-eng-lite-web-model"));
    const readModel = require(join(dist, "read-core-model.js")) as () => Record<string, unknown>;
    const file = join(dist, "languages/cur/models/eng-core-web-model.json");
    // The loader as published: a copy of the file's JSON made through JSON, and base64 decoded
    // one character at a time.
    const expected = JSON.parse(JSON.stringify(JSON.parse(await readFile(file, "utf8"))));
    const decode = (base64: string) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
      return new Uint32Array(bytes.buffer);
    };
    const loaded = readModel();
    expect(loaded.lexicon).toEqual(decode(expected.lexicon));
    expect(loaded.xpansions).toEqual(decode(expected.xpansions));
    expect((loaded.lexicon as Uint32Array).byteOffset).toBe(0);
    // Each call is a fresh copy: what one engine learns never reaches another.
    expect(readModel().features).not.toBe(loaded.features);
    const features = loaded.features as Record<string, { list: unknown[]; hash?: unknown }>;
    const posHash = (expected.pos as { hash: Record<string, number> }).hash;
    for (const [name, feature] of Object.entries(expected.features as typeof features)) {
      // The loader turns each cluster of tags ("NOUN_VERB") into a set of their numbers.
      const tags = (cluster: unknown) => String(cluster).split("_");
      const list =
        name === "posClusters"
          ? feature.list.map((c) => new Set(tags(c).map((t) => posHash[t] || 0)))
          : feature.list;
      expect(features[name]?.list, name).toEqual(list);
      if (features[name]?.hash)
        expect(features[name]?.hash, name).toEqual(
          Object.fromEntries(features[name].list.map((value, k) => [value, k])),
        );
    }
    const rest = (model: Record<string, unknown>) => {
      const { lexicon: _l, xpansions: _x, features: _f, ...others } = model;
      return others;
    };
    expect(rest(loaded)).toEqual(rest(expected));
  });
});

describe("analyseParagraphs", () => {
  /** The paragraphs read one by one, offsets moved into their joined text. */
  const oneByOne = (paragraphs: string[]) => {
    const { offsets } = articleText({ paragraphs });
    return paragraphs.flatMap((p, i) =>
      analyseText(p).map((s) => ({
        ...s,
        start: s.start + (offsets[i] as number),
        end: s.end + (offsets[i] as number),
        tokens: s.tokens.map((t) => ({ ...t, start: t.start + (offsets[i] as number) })),
      })),
    );
  };
  // Pieces that test where sentences end and how unknown words read: abbreviations, clitics on
  // unknown names, figures, quotes, lower-case openings, paragraphs without a full stop.
  const PIECES = [
    "The",
    "the",
    "U.S.",
    "f.o.b.",
    "Zorblax's",
    "Zorblax",
    "said",
    "on Monday",
    "4,000",
    "fighters",
    "BP",
    "spill",
    "“Stop.”",
    "(Reuters)",
    "-",
    ",",
    ".",
    "?",
    "Mr.",
    "Qx7-b",
  ];
  const paragraph = fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 })
    .map((words) => words.join(" "));

  it("reads the sentences, tokens and tags of the paragraphs read one by one", () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const { text, offsets } = articleText({ paragraphs });
        expect(analyseParagraphs(text, offsets)).toEqual(oneByOne(paragraphs));
      }),
      { numRuns: 300 },
    );
  });

  it("ends a sentence at every paragraph break, where wink-nlp would not", () => {
    const paragraphs = ["Cargo sold f.o.b. The", "The buyers paid on Monday."];
    const { text, offsets } = articleText({ paragraphs });
    // Read whole, wink-nlp runs "The" on into the next paragraph.
    expect(analyseText(text).some((s) => s.text.includes("\n\n"))).toBe(true);
    const sentences = analyseParagraphs(text, offsets);
    expect(sentences).toEqual(oneByOne(paragraphs));
    expect(sentences.every((s) => !s.text.includes("\n"))).toBe(true);
  });
});
