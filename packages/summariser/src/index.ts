// @briefing/summariser: from articles to a Briefing. Pure functions over the @briefing/core model.
export { type ArticleText, articleText } from "./article-text.js";
