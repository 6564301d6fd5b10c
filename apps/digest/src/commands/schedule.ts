import { Cron } from "croner";
import { pino } from "pino";
import type { CliIo } from "../cli/io.js";
import { untilSignal } from "../cli/until-signal.js";
import type { DigestEvent } from "../delivery/digest-event.js";
import { runDigest } from "../digest/run-digest.js";
import { fetchDue } from "./fetch.js";
import { openDigests, readConfig, redactorOf } from "./open-digests.js";

/**
 * `briefing schedule`: runs in the foreground, one croner job per digest in its time zone; each
 * tick runs the digest as `run-due` would (so missed slots are caught up at start, once). Logs JSON
 * lines (pino) to stderr. SIGINT or SIGTERM stops the jobs and exits after the send in flight.
 */
export async function scheduleCommand(
  options: { config?: string },
  io: CliIo,
  stopped: Promise<unknown> = untilSignal(),
): Promise<number> {
  const config = await readConfig(options.config, io, { needsSecret: true });
  const redact = redactorOf(config);
  // Every JSON line passes through the one redaction; pino escapes control characters.
  const logger = pino(
    { base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    { write: (line: string) => io.stderr(redact(line)) },
  );
  const context = await openDigests(config, io, (event: DigestEvent) =>
    logger.info(event, event.kind),
  );
  let inFlight: Promise<void> = Promise.resolve();
  const tick = (digest: (typeof config.digests)[number]) => {
    inFlight = inFlight
      .then(async () => {
        const now = io.now();
        await fetchDue(config, context.ledger, now, io, {
          log: (event) => logger.info(event, event.kind),
        });
        await runDigest(digest, "due", now, context);
      })
      .catch((error: Error) => {
        logger.error(
          {
            digest: digest.name,
            error: context.redact(error.message),
            stack: context.redact(error.stack ?? ""),
          },
          "run-failed",
        );
      });
    return inFlight;
  };
  const jobs = config.digests.map(
    (digest) =>
      new Cron(digest.schedule, { timezone: digest.timezone, protect: true }, () => tick(digest)),
  );
  logger.info(
    {
      digests: config.digests.map((d, i) => ({
        name: d.name,
        next: jobs[i]?.nextRun()?.toISOString() ?? null,
      })),
    },
    "scheduled",
  );
  let stopping = false;
  const stoppedNow = stopped.then((signal) => {
    stopping = true;
    for (const job of jobs) job.stop();
    logger.info({ signal }, "stopping after the send in flight");
  });
  // Catch up at start: whatever fell due while nothing was running is sent once, now.
  for (const digest of config.digests) if (!stopping) await tick(digest);
  await stoppedNow;
  await inFlight;
  await context.close();
  logger.info({}, "stopped");
  return 0;
}
