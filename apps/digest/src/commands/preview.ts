import { resolve } from "node:path";
import { UsageError } from "../cli/errors.js";
import { type CliIo, writeProblems } from "../cli/io.js";
import { untilSignal } from "../cli/until-signal.js";
import { startPreview } from "../preview/start-preview.js";
import { type BriefOptions, readAndBrief } from "./brief.js";

/** Options of `briefing preview`. */
export interface PreviewCommandOptions
  extends Pick<
    BriefOptions,
    "now" | "topic" | "since" | "until" | "maxEvents" | "length" | "maxWords"
  > {
  port: string;
}

/**
 * `briefing preview [paths...] [--port N]`: serves the email on localhost and renders it again
 * when the corpus changes, until SIGINT or SIGTERM.
 */
export async function previewCommand(
  paths: string[],
  options: PreviewCommandOptions,
  io: CliIo,
  stopped: Promise<unknown> = untilSignal(),
): Promise<number> {
  if (!/^\d+$/.test(options.port) || Number(options.port) > 65535)
    throw new UsageError(`--port: expected a port number from 0 to 65535, found "${options.port}"`);
  const inputs = paths.length > 0 ? paths : ["corpus"];
  const preview = await startPreview({
    watch: inputs.map((p) => resolve(io.cwd, p)),
    port: Number(options.port),
    build: async () => {
      const { shown, briefing } = await readAndBrief(inputs, options, io);
      writeProblems(shown.problems, io);
      return briefing;
    },
    onChange: () => io.stderr("corpus changed: the preview renders again on the next load\n"),
  });
  io.stderr(`Previewing ${inputs.join(", ")} at ${preview.url} (Ctrl-C to stop)\n`);
  await stopped;
  await preview.close();
  return 0;
}
