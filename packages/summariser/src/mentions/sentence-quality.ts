/** Words that open a sentence whose subject the reader cannot resolve out of its article. */
const PRONOUN_OPENING =
  /^(he|she|it|they|we|i|you|this|that|these|those|his|her|its|their|our|there)\b/i;
/**
 * The marks of a photo caption or a graphic's credit: what "is seen" or "is pictured", "in this
 * handout photograph", "this image from video provided by …", a photographer's credit ("AP
 * Photo/…", "REUTERS/Name", "Photograph: …"), a graphic's "SOURCES: …".
 */
const CAPTION =
  /\b(?:[Tt]his|[Aa]n?) (?:image|photo(?:graph)?|picture) (?:from|provided|released|taken|made available)\b|\bSOURCES?:\s|\b(?:is|are) (?:seen|pictured|shown)\b|\bin this (?:(?:handout|file|undated|aerial|still) )*(?:photo(?:graph)?|picture|image|video grab)\b|\b(?:AP|AFP|Getty) (?:Photo|Images)\b|\bREUTERS\/\p{Lu}|\bPhoto(?:graph)?:\s/u;
const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const WEEKDAY = "(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day";
/**
 * A photo's caption as agencies write them, the day it was taken closing it after a comma, where a
 * sentence of the story would say "on" it: "Workers clean up oil on a beach in Port Fourchon,
 * Louisiana, May 24, 2010." ("… on Friday, March 24, 1989." is the story's own).
 */
const CAPTION_DATE = new RegExp(
  `(?<!\\b(?:on|of|in|since|until|till|by|from|to|before|after|dated|${WEEKDAY}))\\s*,\\s+` +
    `(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2},?)\\s+\\d{4}\\.?["”’]?$`,
);
/**
 * A byline the scrape glued to the story's opening ("By Hilary Andersson BBC Panorama, Washington
 * …"): "By" and a name, not a day ("By Friday BP had …").
 */
const BYLINE_OPENING =
  /^By\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)\b)\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+/u;
/**
 * A page's time stamp the scrape glued to the story's opening ("6 January 2011 Last updated at
 * 17:03 GMT …", "Sunday 30 May 2010 20.58 BST …", "Aug 9, 2010 16:00 UTC …"): a date with its
 * year, then a clock time.
 */
const STAMP_OPENING =
  /^(?:\p{Lu}\p{Ll}+day,?\s+)?(?:\d{1,2}\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2},?)\s+\d{4}\b.{0,30}?\b\d{1,2}[:.]\d{2}\b/u;
/**
 * A prompt to the reader rather than a report: an instruction opening the sentence ("Watch the
 * oil spill's path …", "Sign up for …", "Click here …") or a "please" outside any quotation
 * ("If you are happy to be contacted … please leave a telephone number").
 */
const READER_PROMPT =
  /^(?:watch|view|read|click|tap|follow|explore|see|find out|join|sign up|subscribe|share|tell us|send us|download|listen|visit|learn more)\b(?![’'-])/i;
/**
 * Openings of a fragment cut from a longer sentence: a conjunction, punctuation, or the tail of a
 * bracket the sentence splitter cut through ("L) oil spill …" of "(BP.L)").
 */
const FRAGMENT_OPENING = /^(?:(and|but|or|so|nor|yet|with|while|as)\b|[,;:)\]-]|\p{L}{1,3}\)\s)/iu;
/**
 * A print edition's note run into the text: "This article appeared on p20 of the Main section of
 * the Observer …", "A version of this article appears in print on …".
 */
const PRINT_NOTE =
  /\b(?:this (?:article|story)|a version(?: of this (?:article|story|review|column))?) appear(?:s|ed) (?:on p(?:age)?\s?[a-z]?\d+\b|in print\b)/i;
/**
 * A page's headline or teaser run into the next sentence with no stop between: a lower-case word,
 * then a capitalised function word opening a new sentence ("… not big enough to cause recession
 * The ecological damage …", "What BP should have done This morning a committee …").
 */
const GLUED_HEADLINE =
  /\b[a-z]{2,} (?:This|These|Those|That|It|He|She|They|We|In|On|At|A|An|The|But|And) [a-z]{2,}/;
/** Openings and pointers of a sentence that leans on the one before it ({@link leansOnContext}). */
const LEANING =
  /^(?:however|still|meanwhile|also|thus|instead|nevertheless|moreover|furthermore|besides|then|such)\b|^[^.,:;]{1,30}: |\bsuch an? (?!as\b)/i;
/** What a sentence that leans on the one before it is worth out of its article. */
const LEANING_WEIGHT = 0.75;
/** What a sentence with a page's headline run into it is worth out of its article. */
const GLUED_WEIGHT = 0.5;
/** Characters and pairs prose hardly uses and code is made of; this many make a sentence code. */
const CODE_MARK = /[{}=<>\\|]|\(\)|\);/g;
const CODE_MARKS = 3;

/**
 * How well a sentence stands alone as a timeline entry, from 1 down: a question or a fragment
 * (opening with a conjunction or punctuation) is worth a quarter; a quote fragment (opening in
 * lower case or a quotation mark, or unbalanced quotes), a pronoun subject, or a length far from
 * a news sentence's each halve it; a photo's caption ("Oil is seen gushing …") is worth a
 * quarter; a long one (over 35 words) loses a quarter. Below one half, a sentence is no entry.
 */
export function sentenceQuality(text: string): number {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  let quality = 1;
  // Not a statement at all: a question, or a fragment cut from a longer sentence.
  if (/\?\s*["”’']?$/.test(trimmed) || FRAGMENT_OPENING.test(trimmed)) quality /= 4;
  if (/^[\p{Ll}"“”'‘’`]/u.test(trimmed) || (trimmed.match(/["“”]/g) ?? []).length % 2 === 1)
    quality /= 2;
  if (PRONOUN_OPENING.test(trimmed)) quality /= 2;
  // A photo's caption describes a picture, not an event: no entry; nor is a byline or a time stamp
  // glued to the story's opening, whose sentence is the page's header run into the lead, nor a
  // print edition's note. Nor is code or markup a blog printed ("= 0) { perror(…); return 4; }"),
  // told by its braces, operators and calls.
  if (
    CAPTION.test(trimmed) ||
    CAPTION_DATE.test(trimmed) ||
    BYLINE_OPENING.test(trimmed) ||
    STAMP_OPENING.test(trimmed) ||
    PRINT_NOTE.test(trimmed) ||
    READER_PROMPT.test(trimmed) ||
    (/\bplease\b/i.test(trimmed) && !/["“”‘’]/.test(trimmed)) ||
    (trimmed.match(CODE_MARK) ?? []).length >= CODE_MARKS
  )
    quality /= 4;
  if (words < 6 || words > 50) quality /= 2;
  else if (words > 35) quality *= 0.75;
  return quality;
}

/**
 * A sentence that leans on the one before it: a connective ("However, …", "Meanwhile …"), a
 * label before a colon ("In the Gulf: …"), or a pointer back to what was said ("… such a person
 * …"). It may stand in a timeline under its day, but makes a poor summary of an event or opening
 * of a lede.
 */
export function leansOnContext(text: string): boolean {
  return LEANING.test(text.trim());
}

/**
 * Whether a page's headline or teaser runs into the sentence after it. Such a sentence may still
 * be the only report of its event; of several reports, it is the poorer summary.
 */
export function gluedHeadline(text: string): boolean {
  return GLUED_HEADLINE.test(text);
}

/**
 * How well a sentence reads out of its article, from 1 down: three quarters when it leans on the
 * sentence before it ({@link leansOnContext}), half when a page's headline runs into it
 * ({@link gluedHeadline}). Below 1, it is the poorer summary of an event, and no sentence of a
 * lede.
 */
export function readsOnItsOwn(text: string): number {
  return (leansOnContext(text) ? LEANING_WEIGHT : 1) * (gluedHeadline(text) ? GLUED_WEIGHT : 1);
}
