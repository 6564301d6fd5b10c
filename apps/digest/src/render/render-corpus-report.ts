import { type Article, type DateEstimate, formatDateRange, type Problem } from "@briefing/core";
import { escapeMarkdown } from "./escape-markdown.js";

/** What ingestion made of a corpus, for a person to read. */
export interface CorpusReport {
  inputs: string[];
  articles: Article[];
  problems: Problem[];
  furniture: Record<string, string[]>;
  folded: { keptId: string; foldedId: string; similarity: number }[];
}

/**
 * Renders the ingested corpus as Markdown: each article with its title, publication date and the
 * evidence for it, its source, the page furniture left out, and its lead; then the problems.
 */
export function renderCorpusReport(report: CorpusReport): string {
  const { articles, problems } = report;
  const lines: string[] = [
    `# Corpus: ${articles.length} article${articles.length === 1 ? "" : "s"} from ${report.inputs.map(escapeMarkdown).join(", ")}`,
    "",
  ];
  const ordered = [...articles].sort(byPublished);
  for (const article of ordered) lines.push(...renderArticle(article, report.furniture), "");
  if (report.folded.length > 0) {
    lines.push("## Duplicates folded", "");
    for (const fold of report.folded) {
      lines.push(
        `- ${fold.foldedId} folded into ${fold.keptId} (similarity ${fold.similarity.toFixed(2)})`,
      );
    }
    lines.push("");
  }
  lines.push("## Problems", "");
  if (problems.length === 0) lines.push("None.");
  for (const problem of problems) {
    lines.push(
      `- **${problem.severity}** \`${problem.path.replace(/`/g, "'")}\`: ${escapeMarkdown(problem.message)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function renderArticle(article: Article, furniture: Record<string, string[]>): string[] {
  const words = article.paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
  const source = [article.publisher, article.byline, article.url]
    .filter(Boolean)
    .map((s) => escapeMarkdown(s as string));
  const lines = [
    `## ${escapeMarkdown(article.title || "(untitled)")}`,
    "",
    `- Published: ${describePublished(article.published)}`,
  ];
  if (source.length > 0) lines.push(`- Source: ${source.join(" · ")}`);
  lines.push(
    `- Read from: ${article.origins.map((o) => `\`${o.path.replace(/`/g, "'")}\` (${o.format})`).join(", ")}`,
    `- Language ${article.language}, ${article.paragraphs.length} paragraphs, ${words} words, id \`${article.id}\``,
  );
  const left = article.origins.flatMap((origin) => furniture[origin.path] ?? []);
  if (left.length > 0)
    lines.push(
      `- Page furniture left out: ${left.map((l) => `“${escapeMarkdown(l)}”`).join("; ")}`,
    );
  const lead = article.paragraphs[0];
  if (lead) lines.push("", `> ${escapeMarkdown(lead)}`);
  return lines;
}

function describePublished(date: DateEstimate): string {
  if (date.start === null) return "unknown (no date in metadata, in a date line or in the text)";
  const range = formatDateRange(date);
  const evidence = date.evidence.map((e) => `“${escapeMarkdown(e.text)}” (${e.rule})`).join("; ");
  return `${range}, ${date.precision}, confidence ${date.confidence.toFixed(2)}${evidence ? `, from ${evidence}` : ""}`;
}

function byPublished(a: Article, b: Article): number {
  const x = a.published.start ?? "9999";
  const y = b.published.start ?? "9999";
  if (x !== y) return x < y ? -1 : 1;
  return (a.origins[0]?.path ?? "").localeCompare(b.origins[0]?.path ?? "");
}
