/** Everything one `pnpm bench` run measured; parts whose data was absent are missing. */
export interface BenchResults {
  date: string;
  machine: { cpus: number; cpu: string; node: string; memoryGb: number };
  tokenize_only?: {
    seconds: number;
    stories: number;
    tokens: number;
    peak_rss_mb: number;
    /** The same texts read with only the annotators the summariser uses (no target). */
    analysis_pipe_seconds: number;
  };
  pipeline?: {
    articles: number;
    seconds: number;
    articles_per_second: number;
    peak_rss_mb: number;
    load_seconds: number;
    extract_seconds: number;
    build_seconds: number;
    threads: number;
  };
  ratio_pipeline_to_floor?: number;
  /** Pipeline time over the lower floor of the summariser's own annotators (no target). */
  ratio_pipeline_to_analysis_pipe?: number;
  scaling?: {
    sizes: {
      stories: number;
      articles: number;
      seconds: number;
      ms_per_article: number;
      peak_rss_mb: number;
    }[];
    per_article_growth: number;
  };
  cold_brief_ms?: number;
  node_start_ms?: number;
  /** `briefing brief` of a topic's largest source folder, cold, in a fresh process. */
  topic_brief?: { folder: string; articles: number; ms: number };
  email?: {
    mjml_compile_ms: number;
    mjml_first_compile_ms: number;
    recipients: number;
    personalised_per_second: number;
  };
  send?: { messages: number; received: number; messages_per_second: number };
  /** `pnpm bench:fanout`: one period through 1, 2 and 4 workers on PostgreSQL, then SIGKILLs. */
  fanout?: {
    recipients: number;
    sink: string;
    rows: { workers: number; messages_per_second: number }[];
    kills: number;
    lost: number;
    duplicates: number;
  };
  skipped: string[];
}

/** One target of the benchmark and whether the run met it. */
export interface TargetCheck {
  name: string;
  value: number;
  /** `≤` or `≥` the limit. */
  comparison: "<=" | ">=";
  limit: number;
  met: boolean;
}

/** The targets the run can be judged on (those whose parts ran). */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (
    name: string,
    value: number | undefined,
    comparison: "<=" | ">=",
    limit: number,
  ) => {
    if (value === undefined) return;
    checks.push({
      name,
      value,
      comparison,
      limit,
      met: comparison === "<=" ? value <= limit : value >= limit,
    });
  };
  check("ratio_pipeline_to_floor", results.ratio_pipeline_to_floor, "<=", 2.5);
  check("per_article_growth", results.scaling?.per_article_growth, "<=", 1.3);
  const largest = results.scaling?.sizes.at(-1);
  if (largest && largest.stories >= 100_000)
    check("peak_rss_mb at 100k", largest.peak_rss_mb, "<=", 4096);
  check("cold_brief_ms", results.cold_brief_ms, "<=", 600);
  check("topic_brief_ms (300 articles)", results.topic_brief?.ms, "<=", 4000);
  check("mjml_compile_ms", results.email?.mjml_compile_ms, "<=", 150);
  check("personalised_per_second", results.email?.personalised_per_second, ">=", 5000);
  check("send messages_per_second", results.send?.messages_per_second, ">=", 200);
  if (results.send && results.send.received !== results.send.messages)
    check("send messages received", results.send.received, ">=", results.send.messages);
  const fanout = results.fanout;
  if (fanout) {
    const several = fanout.rows.filter((r) => r.workers > 1).map((r) => r.messages_per_second);
    if (several.length > 0)
      check("fan-out messages_per_second (several workers)", Math.max(...several), ">=", 1000);
    check("fan-out lost", fanout.lost, "<=", 0);
    check("fan-out duplicates", fanout.duplicates, "<=", fanout.kills);
  }
  return checks;
}

/** The run as a plain-text table, parts and then targets. */
export function formatResults(results: BenchResults): string {
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(40)} ${value}`);
  const n = (x: number, digits = 0) =>
    x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const { machine } = results;
  lines.push(
    `pnpm bench, ${results.date}: ${machine.cpus} × ${machine.cpu}, ${n(machine.memoryGb)} GB, Node ${machine.node}`,
  );
  for (const skip of results.skipped) lines.push(`  skipped: ${skip}`);
  const floor = results.tokenize_only;
  if (floor) {
    lines.push("tokenize_only (read + wink-nlp once, one thread)");
    row("stories, tokens", `${n(floor.stories)}, ${n(floor.tokens)}`);
    row("seconds", n(floor.seconds, 2));
    row("seconds, sentences and tags only", n(floor.analysis_pipe_seconds, 2));
  }
  const pipeline = results.pipeline;
  if (pipeline) {
    lines.push(`pipeline (loadCorpus + buildBriefing, ${pipeline.threads} threads for extraction)`);
    row("articles", n(pipeline.articles));
    row(
      "seconds (load + extract + build)",
      `${n(pipeline.seconds, 2)} (${n(pipeline.load_seconds, 2)} + ${n(pipeline.extract_seconds, 2)} + ${n(pipeline.build_seconds, 2)})`,
    );
    row("articles per second", n(pipeline.articles_per_second));
    row("peak RSS", `${n(pipeline.peak_rss_mb)} MB`);
  }
  if (results.ratio_pipeline_to_floor !== undefined)
    row("ratio_pipeline_to_floor", n(results.ratio_pipeline_to_floor, 2));
  if (results.ratio_pipeline_to_analysis_pipe !== undefined)
    row("ratio to sentences and tags only", n(results.ratio_pipeline_to_analysis_pipe, 2));
  if (results.scaling) {
    lines.push("scaling (stories → articles: seconds, ms per article, peak RSS)");
    for (const s of results.scaling.sizes)
      row(
        `${n(s.stories)} → ${n(s.articles)}`,
        `${n(s.seconds, 2)} s, ${n(s.ms_per_article, 3)} ms, ${n(s.peak_rss_mb)} MB`,
      );
    row("per_article_growth", n(results.scaling.per_article_growth, 2));
  }
  if (results.cold_brief_ms !== undefined) {
    lines.push("cold start (median of 5 fresh processes)");
    row("cold_brief_ms (briefing brief corpus)", n(results.cold_brief_ms));
    row("node_start_ms (node -e 0)", n(results.node_start_ms ?? 0));
  }
  if (results.topic_brief) {
    lines.push("a topic's largest folder briefed cold (median of 3 fresh processes)");
    row(
      `topic_brief_ms (${results.topic_brief.folder}, ${n(results.topic_brief.articles)} articles)`,
      n(results.topic_brief.ms),
    );
  }
  if (results.email) {
    lines.push("email");
    row(
      "mjml_compile_ms (median of 10; first)",
      `${n(results.email.mjml_compile_ms, 1)}; ${n(results.email.mjml_first_compile_ms, 1)}`,
    );
    row(
      `personalised per second (${n(results.email.recipients)})`,
      n(results.email.personalised_per_second),
    );
  }
  if (results.send) {
    lines.push("send (one nodemailer SMTPConnection → local smtp-server)");
    row("messages sent, received", `${n(results.send.messages)}, ${n(results.send.received)}`);
    row("messages per second", n(results.send.messages_per_second));
  }
  const fanout = results.fanout;
  if (fanout) {
    lines.push(
      `fan-out (${n(fanout.recipients)} recipients, PostgreSQL, ${fanout.sink} SMTP sink)`,
    );
    for (const r of fanout.rows)
      row(
        `${r.workers} worker${r.workers === 1 ? "" : "s"}, messages per second`,
        n(r.messages_per_second),
      );
    row(`${fanout.kills} SIGKILLs: lost, duplicates`, `${n(fanout.lost)}, ${n(fanout.duplicates)}`);
  }
  lines.push("targets");
  for (const t of checkTargets(results))
    row(
      t.name,
      `${n(t.value, t.value < 10 ? 2 : 0)} ${t.comparison === "<=" ? "≤" : "≥"} ${n(t.limit, t.limit < 10 ? 1 : 0)}  ${t.met ? "met" : "NOT MET"}`,
    );
  return `${lines.join("\n")}\n`;
}
