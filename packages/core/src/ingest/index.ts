// The ingestion entry of @briefing/core: reads corpora from the file system (Node only).
export type { ArticleDraft, DateCandidate } from "./article-draft.js";
export { articleId, buildArticle } from "./build-article.js";
export { cleanDraft } from "./clean-draft.js";
export { type DecodedText, decodeText } from "./decode-text.js";
export { decodeXmlEntities } from "./decode-xml-entities.js";
export { type DetectedFormat, detectFormat } from "./detect-format.js";
export {
  type LanguageDetector,
  loadLanguageDetector,
  normaliseLanguageTag,
} from "./detect-language.js";
export { CorpusError } from "./errors.js";
export { estimatePublished } from "./estimate-published.js";
export {
  type FoldDuplicatesOptions,
  type FoldedDuplicate,
  foldDuplicates,
} from "./fold-duplicates.js";
export {
  type CorpusDocument,
  type CorpusProgress,
  type LoadCorpusOptions,
  type LoadCorpusResult,
  loadCorpus,
  readDocuments,
} from "./load-corpus.js";
export { createMinHasher, jaccard, type MinHasher, type MinHasherOptions } from "./minhash.js";
export { parseFeed } from "./parse-feed.js";
export { parseHtml } from "./parse-html.js";
export { parseJsonArticles, parseJsonLines } from "./parse-json-articles.js";
export { parseMarkdown } from "./parse-markdown.js";
export { parsePlainText } from "./parse-plain-text.js";
export { parseReutersSgml } from "./parse-reuters-sgml.js";
export { type ParsedTimeMl, parseTimeMl } from "./parse-timeml.js";
