import { Command, Option } from "commander";
import type { BriefOptions } from "../commands/brief.js";
import type { FetchCommandOptions } from "../commands/fetch.js";
import type { PreviewCommandOptions } from "../commands/preview.js";
import type { SendOptions } from "../commands/send.js";
import type { ServeOptions } from "../commands/serve.js";
import type { WorkerOptions } from "../commands/worker.js";
import { assertFormat, BRIEF_FORMATS } from "./brief-format.js";
import type { CliIo } from "./io.js";

/** What `brief`, `ingest` and `preview` read, told by `--help`. */
const INPUTS_HELP = `
Inputs (files, or folders read recursively; the format is told by content, then extension):
  text      scraped page text (.txt): title, date line, byline and body; furniture left out
  html      web pages (.html, .htm): the article by Readability, dates from meta tags, JSON-LD
  markdown  .md with optional YAML front matter (title, date, publisher, url)
  json      one article or a list: {title, text|body|content, date|published|time, url,
            publisher|source}, or the Briefing's own Article JSON
  jsonl     one article a line, the same fields; news-tls/Timeline17 lines {id, time, text}
  feeds     RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed: each item an article
  sgml      Reuters-21578 .sgm files: each story an article
  timeml    TimeML (.tml: TimeBank, SemEval-2015 Wikinews): the text without its annotations,
            the document creation time as its date
A topic folder's timelines/ beside its articles.jsonl holds journalists' reference timelines
(the Timeline17 layout): it is passed over, not read as articles; name it to read it.
Hidden files are passed over. Unreadable input is reported on stderr and the rest still loads;
the exit code is 2 when nothing could be read.
`;

/** The `briefing` command line; each action stores its exit code in `result.exitCode`. */
export function createProgram(io: CliIo, result: { exitCode: number }): Command {
  const program = new Command("briefing")
    .description("Turn news articles into chronological briefings and email digests.")
    .version("0.1.0")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError()
    .option("--debug", "print an internal error's stack, to report it (anywhere on the line)");

  const run =
    (load: () => Promise<(paths: string[], options: BriefOptions, io: CliIo) => Promise<number>>) =>
    async (paths: string[], options: BriefOptions & { format: string }) => {
      const command = await load();
      result.exitCode = await command(
        paths,
        { ...options, format: assertFormat(options.format) },
        io,
      );
    };

  program.addHelpText("after", INPUTS_HELP);

  filters(readsCorpus(program.command("brief"), "briefing", BRIEF_FORMATS))
    .description("Read articles (files, folders, feeds) and print a briefing")
    .addHelpText("after", INPUTS_HELP)
    .option("--strict", "exit with code 2 when any input problem was found")
    .action(run(async () => (await import("../commands/brief.js")).briefCommand));

  readsCorpus(program.command("ingest"), "report", ["md", "json"])
    .description("Read articles and print what ingestion made of them: titles, dates, evidence")
    .addHelpText("after", INPUTS_HELP)
    .option("--strict", "exit with code 2 when any input problem was found")
    .action(run(async () => (await import("../commands/brief.js")).ingestCommand));

  filters(program.command("preview"))
    .description("Serve the email on localhost and render it again when the corpus changes")
    .argument("[paths...]", "files or folders to read and watch", [])
    .option("--port <n>", "port on 127.0.0.1 (0 picks a free one)", "4173")
    .option("--now <iso>", "the time the briefing is made at (default: the clock at each render)")
    .action(async (paths: string[], options: PreviewCommandOptions) => {
      const { previewCommand } = await import("../commands/preview.js");
      result.exitCode = await previewCommand(paths, options, io);
    });

  const digestCommand = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .option(
        "-c, --config <file>",
        "the configuration (default: briefing.config.yaml, .yml or .json here)",
      );
  digestCommand("fetch", "Fetch the configured sources that are due into the article store")
    .option("--now <iso>", "the time the fetch is recorded at (default: the clock)")
    .option("--all", "fetch every source, even one fetched recently")
    .option("--wait", "with a PostgreSQL state: wait until the workers have fetched them")
    .action(async (options: FetchCommandOptions) => {
      const { fetchCommand } = await import("../commands/fetch.js");
      result.exitCode = await fetchCommand(options, io);
    });
  digestCommand(
    "send",
    "Fetch the sources, then build and send a digest now, for the period since its last run",
  )
    .argument("<digest>", "the digest's name in the configuration")
    .option("--now <iso>", "the time the period ends (default: the clock)")
    .option("--backfill <days>", "a first issue covers the last DAYS days")
    .option("--wait", "with a PostgreSQL state: wait until the workers have sent it")
    .action(async (name: string, options: SendOptions) => {
      const { sendCommand } = await import("../commands/send.js");
      result.exitCode = await sendCommand(name, options, io);
    });
  digestCommand(
    "run-due",
    "Fetch the sources, then send every digest whose scheduled time has passed since its last run",
  )
    .option("--now <iso>", "the time to check against (default: the clock)")
    .option("--backfill <days>", "a digest's first issue covers the last DAYS days")
    .option("--wait", "with a PostgreSQL state: wait until the workers have sent each period")
    .action(async (options: SendOptions) => {
      const { runDueCommand } = await import("../commands/send.js");
      result.exitCode = await runDueCommand(options, io);
    });
  digestCommand("schedule", "Run in the foreground and send each digest on its schedule").action(
    async (options: { config?: string }) => {
      const { scheduleCommand } = await import("../commands/schedule.js");
      result.exitCode = await scheduleCommand(options, io);
    },
  );
  digestCommand(
    "worker",
    "With a PostgreSQL state: fetch queued sources, build and send queued digests (on any number of machines)",
  )
    .option("--concurrency <n>", "batches this process works at once", "2")
    .action(async (options: WorkerOptions) => {
      const { workerCommand } = await import("../commands/worker.js");
      result.exitCode = await workerCommand(options, io);
    });
  digestCommand(
    "serve",
    "Serve one-click unsubscribes (RFC 8058) and each digest's archive over HTTP",
  )
    .option("--host <host>", "address to listen on (put a reverse proxy in front)", "127.0.0.1")
    .option("--port <n>", "port (0 picks a free one)", "8080")
    .action(async (options: ServeOptions) => {
      const { serveCommand } = await import("../commands/serve.js");
      result.exitCode = await serveCommand(options, io);
    });
  for (const action of ["unsubscribe", "resubscribe"] as const)
    digestCommand(
      action,
      action === "unsubscribe"
        ? "Record that an address unsubscribed from a digest: it is sent nothing more"
        : "Take back an address's unsubscription from a digest",
    )
      .argument("<digest>", "the digest's name in the configuration")
      .argument("<address>", "the email address")
      .action(async (name: string, address: string, options: { config?: string }) => {
        const { subscriptionCommand } = await import("../commands/subscription.js");
        result.exitCode = await subscriptionCommand(action, name, address, options, io);
      });
  digestCommand("status", "List digests with their last and next runs and recent failures")
    .option("--now <iso>", "the time next runs are counted from (default: the clock)")
    .action(async (options: SendOptions) => {
      const { statusCommand } = await import("../commands/status.js");
      result.exitCode = await statusCommand(options, io);
    });

  return program;
}

/** The arguments and options of a command that reads a corpus: paths, format, out, now. */
function readsCorpus(command: Command, made: string, formats: readonly string[]): Command {
  return command
    .argument("[paths...]", "files or folders to read", [])
    .addOption(new Option("-f, --format <format>", "output format").choices(formats).default("md"))
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("--now <iso>", `the time the ${made} is made at (default: the clock)`);
}

/** The options that choose what a briefing keeps: topic, period, number of events. */
function filters(command: Command): Command {
  return command
    .option("--topic <query>", "keep the storylines that match this query")
    .option("--since <day>", "keep events on or after this day (YYYY-MM-DD)")
    .option("--until <day>", "keep events on or before this day (YYYY-MM-DD)")
    .option("--max-events <n>", "show at most this many timeline entries, the most important")
    .addOption(
      new Option(
        "--length <length>",
        "reading budget: short (600 words), standard (1,200), long (2,400)",
      )
        .choices(["short", "standard", "long"])
        .conflicts("maxWords"),
    )
    .option("--max-words <n>", "reading budget in words of the body (everything above Sources)");
}
