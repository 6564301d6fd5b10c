import type { SentenceAnalysis, Token } from "./analyse-text.js";

/** A name as written in one sentence, with what its surroundings say about what it names. */
export interface NameOccurrence {
  text: string;
  words: string[];
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  /**
   * Votes from the context: a title before it, a preposition of place, a word of an
   * organisation's or a place's name; `speaker` counts "said" (or "announced"…) after it, which
   * people and organisations both do.
   */
  cues: { person: number; organisation: number; place: number; modifier: number; speaker: number };
  /** The article it was read in, when known: canonical names are those most sources use. */
  articleId?: string;
  /** The acronym written right after it in brackets: "National Resistance Front (NRF)". */
  acronym?: string;
}

const TITLES = new Set(
  "mr mrs ms dr sir president vice minister prime foreign defence defense interior secretary general gen commander spokesman spokeswoman spokesperson leader chief head king queen prince sheikh mullah mawlawi judge senator governor mayor ambassador envoy colonel lieutenant captain major chairman director executive officer attorney surgeon inspector".split(
    " ",
  ),
);
// Words that are no name however they are written: months and weekdays, in full or cut short
// (not "Sun", a newspaper's name), time zones and the half of the day a clock time gives
// ("6:14 pm EST"), "Former" opening a sentence.
const NOT_NAMES = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat utc gmt est edt cst cdt mst mdt pst pdt bst cet cest am pm the a an this that read more former".split(
    " ",
  ),
);
// Function words a headline in capitals would pass off as acronyms ("OF OBAMA", "BP WILL PAY");
// written otherwise, some are names ("Will Smith").
const CAPITAL_FUNCTION_WORDS = new Set(
  "of and for in on at to by as is it or but with from into over after not no be has was are will".split(
    " ",
  ),
);
const ORGANISATION_WORDS =
  /^(front|party|movement|council|ministry|agency|army|forces|corps|union|committee|organi[sz]ation|group|government|administration|assembly|parliament|news|times|post|press|bank|company|inc|ltd|corporation|university|court|police|taliban|alliance|federation|commission|office|department|service|network|channel|tv|radio|brigade|militia|house|senate|congress|guard|institute|foundation|association|authority|board|bureau|club|fund|plc|corp|llc|airlines?|motors|petroleum|energy|industries|holdings|electric|dynamics|mills|league|force)$/i;
const PLACE_WORDS =
  /^(province|valley|district|city|town|village|region|river|mountains?|islands?|county|states?|kingdom|capital|gorge|pass|airport|square|street|gulf|bay|sea|ocean|lake|coast|peninsula|strait|cape|mount|canal|desert|harbou?r|beach)$/i;
const PLACE_PREPOSITIONS = new Set([
  "in",
  "into",
  "from",
  "near",
  "at",
  "across",
  "towards",
  "toward",
  "outside",
  "inside",
]);
const SAYING = /^(say|tell|write|add|announce|declare|confirm|deny|claim|state|urge|warn|insist)$/;
/**
 * A title before a name, abbreviated or not ("Mr.", "Dr", "President"), as written: wink-nlp's
 * normal form respells some words ("Vice" is "vise").
 */
const isTitle = (t: Token) => TITLES.has(t.value.toLowerCase().replace(/\.$/, ""));
const CONNECTORS = new Set(["of", "al", "bin", "ibn", "de", "del", "van", "von", "e"]);

const DEMONYM = /(an|ian|ese|ish|i)$/;
/** A word in two to six capitals: "NRF", "BP". */
export const isAcronym = (value: string) => /^[A-Z]{2,6}$/.test(value);
const isNameToken = (t: Token) =>
  (t.pos === "PROPN" || isAcronym(t.value)) &&
  /^\p{Lu}/u.test(t.value) &&
  !NOT_NAMES.has(t.normal) &&
  !(isAcronym(t.value) && CAPITAL_FUNCTION_WORDS.has(t.normal));

/**
 * The names in a sentence: runs of proper nouns (joined by "of", "al", "bin"...), with titles
 * ("Vice President", "spokesman") left out of the name and counted as a person cue.
 */
export function findNames(sentence: SentenceAnalysis): NameOccurrence[] {
  const tokens = sentence.tokens;
  const found: NameOccurrence[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (!isNameToken(token) || (isTitle(token) && !opensName(tokens, i))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token;
      const after = tokens[j + 2];
      // "the NRF Ali Maisam Nazary": an acronym and a name that follows it are two names.
      const acronymBoundary = isAcronym((tokens[j] as Token).value) !== isAcronym(next.value);
      if (isNameToken(next) && !isTitle(next) && !acronymBoundary) j++;
      else if (CONNECTORS.has(next.normal) && after && isNameToken(after)) j += 2;
      else break;
    }
    const run = tokens.slice(i, j + 1);
    found.push(occurrence(run, tokens, i, j));
    i = j + 1;
  }
  return found;
}

/**
 * Whether a title word opens a name instead of a person's title: "General Motors (Corporation)",
 * "General Assembly", "Major League Baseball" are names of institutions, told by a word of an
 * organisation's or a place's name right after it ("General David Petraeus" keeps its title).
 */
function opensName(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return (
    next !== undefined &&
    isNameToken(next) &&
    !isTitle(next) &&
    (ORGANISATION_WORDS.test(next.value) || PLACE_WORDS.test(next.value))
  );
}

/** Nouns of a person's role, besides titles, that an apposition gives: "X, a journalist". */
const ROLES = new Set(
  "journalist reporter correspondent editor member official analyst lawyer professor author founder activist resident farmer worker doctor".split(
    " ",
  ),
);
const ROLE_OPENERS = new Set(["a", "an", "the", "former", "senior", "top", "local"]);

/** Whether a comma after the name's last token opens a role: "…, (a) (former) spokesman". */
function hasRoleAfter(tokens: readonly Token[], j: number): boolean {
  if (tokens[j + 1]?.value !== ",") return false;
  let k = j + 2;
  while (k < j + 4 && tokens[k] && ROLE_OPENERS.has(tokens[k]?.normal as string)) k++;
  const role = tokens[k];
  return role !== undefined && (isTitle(role) || ROLES.has(role.normal));
}

function occurrence(run: Token[], tokens: Token[], i: number, j: number): NameOccurrence {
  const first = run[0] as Token;
  const last = run[run.length - 1] as Token;
  const words = run.map((t) => t.value);
  const cues = { person: 0, organisation: 0, place: 0, modifier: 0, speaker: 0 };
  // "Afghan government": a single word used before a common noun is an adjective of origin.
  const next = tokens[j + 1];
  if (run.length === 1 && next?.pos === "NOUN" && DEMONYM.test(first.value)) cues.modifier++;
  // A title right before the name ("Foreign Minister Amir Khan Muttaqi", "leader Massoud"), or a
  // role in apposition after it ("Fahim Dashti, spokesman for …", "Fahim Fetrat, a journalist").
  if (i > 0 && isTitle(tokens[i - 1] as Token)) cues.person++;
  if (hasRoleAfter(tokens, j)) cues.person++;
  const previous = tokens[i - 1];
  if (previous && PLACE_PREPOSITIONS.has(previous.normal)) cues.place++;
  const following = tokens.slice(j + 1, j + 3);
  if (following.some((t) => t.pos === "VERB" && SAYING.test(t.lemma))) cues.speaker++;
  if (words.some((w) => ORGANISATION_WORDS.test(w)) || (run.length === 1 && isAcronym(first.value)))
    cues.organisation += 2;
  if (words.some((w) => PLACE_WORDS.test(w)) || /stan$/i.test(last.value)) cues.place += 2;
  const result: NameOccurrence = {
    text: words.join(" "),
    words,
    start: first.start,
    end: last.start + last.value.length,
    cues,
  };
  // "National Resistance Front (NRF)": the bracketed acronym defines the name.
  const open = tokens[j + 1];
  const inner = tokens[j + 2];
  const close = tokens[j + 3];
  if (
    open?.value === "(" &&
    inner &&
    isAcronym(inner.value) &&
    close?.value === ")" &&
    run.length > 1
  )
    result.acronym = inner.value;
  return result;
}
