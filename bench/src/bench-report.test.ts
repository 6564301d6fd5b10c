import { describe, expect, it } from "vitest";
import { type BenchResults, checkTargets, formatResults } from "./bench-report.js";

const RESULTS: BenchResults = {
  date: "2026-11-21",
  machine: { cpus: 2, cpu: "Test CPU", node: "20.20.2", memoryGb: 24 },
  tokenize_only: {
    seconds: 6,
    stories: 21578,
    tokens: 3_500_000,
    peak_rss_mb: 200,
    analysis_pipe_seconds: 4,
  },
  ratio_pipeline_to_floor: 2.4,
  ratio_pipeline_to_analysis_pipe: 3.6,
  scaling: {
    sizes: [
      { stories: 2000, articles: 1967, seconds: 3, ms_per_article: 1.5, peak_rss_mb: 400 },
      { stories: 100_000, articles: 98_000, seconds: 210, ms_per_article: 2.1, peak_rss_mb: 4200 },
    ],
    per_article_growth: 1.4,
  },
  cold_brief_ms: 550,
  node_start_ms: 60,
  topic_brief: { folder: "bpoil_reuters", articles: 298, ms: 7100 },
  send: { messages: 1000, received: 999, messages_per_second: 250 },
  fanout: {
    recipients: 20_000,
    sink: "minimal",
    rows: [
      { workers: 1, messages_per_second: 410 },
      { workers: 2, messages_per_second: 561 },
      { workers: 4, messages_per_second: 601 },
    ],
    kills: 5,
    lost: 0,
    duplicates: 3,
  },
  skipped: ["email: not measured in this test"],
};

describe("checkTargets", () => {
  it("judges each target whose part ran, in both directions", () => {
    const checks = Object.fromEntries(checkTargets(RESULTS).map((c) => [c.name, c.met]));
    expect(checks).toEqual({
      ratio_pipeline_to_floor: true,
      per_article_growth: false,
      "peak_rss_mb at 100k": false,
      cold_brief_ms: true,
      "topic_brief_ms (300 articles)": false,
      "send messages_per_second": true,
      "send messages received": false,
      "fan-out messages_per_second (several workers)": false,
      "fan-out lost": true,
      "fan-out duplicates": true,
    });
  });
});

describe("formatResults", () => {
  it("prints the parts that ran, the skipped ones and every target", () => {
    const text = formatResults(RESULTS);
    expect(text).toContain("skipped: email: not measured in this test");
    expect(text).toMatch(/per_article_growth\s+1\.40 ≤ 1\.3\s+NOT MET/);
    expect(text).toMatch(/cold_brief_ms\s+550 ≤ 600\s+met/);
    expect(text).toMatch(/topic_brief_ms \(bpoil_reuters, 298 articles\)\s+7,100/);
    expect(text).toMatch(/topic_brief_ms \(300 articles\)\s+7,100 ≤ 4,000\s+NOT MET/);
    expect(text).toMatch(/seconds, sentences and tags only\s+4\.00/);
    expect(text).toMatch(/ratio to sentences and tags only\s+3\.60/);
    expect(text).not.toContain("mjml");
    expect(text).toMatch(/4 workers, messages per second\s+601/);
    expect(text).toMatch(/5 SIGKILLs: lost, duplicates\s+0, 3/);
    expect(text).toMatch(/fan-out messages_per_second \(several workers\)\s+601 ≥ 1,000\s+NOT MET/);
  });
});
