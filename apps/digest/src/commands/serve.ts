import { type ServerType, serve } from "@hono/node-server";
import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { untilSignal } from "../cli/until-signal.js";
import { createServeApp } from "../serve/create-serve-app.js";
import { openLedger } from "../state/open-ledger.js";
import { readConfig, redactorOf } from "./open-digests.js";

/** Options of `briefing serve`. */
export interface ServeOptions {
  config?: string;
  host: string;
  port: string;
}

/**
 * `briefing serve`: the one-click unsubscribe endpoint and the digests' archive over HTTP, until
 * SIGINT or SIGTERM. Meant to sit behind a reverse proxy that terminates TLS.
 */
export async function serveCommand(
  options: ServeOptions,
  io: CliIo,
  stopped: Promise<unknown> = untilSignal(),
  onListening?: (url: string) => void,
): Promise<number> {
  if (!/^\d+$/.test(options.port) || Number(options.port) > 65535)
    throw new UsageError(`--port: expected a port number from 0 to 65535, found "${options.port}"`);
  const config = await readConfig(options.config, io, { needsSecret: true });
  const secret = config.secret as string;
  const redact = redactorOf(config);
  const ledger = await openLedger(config.state);
  const app = createServeApp({
    config: { ...config, secret },
    ledger,
    clock: io.now,
    onUnsubscribe: (digest, address) =>
      io.stderr(redact(`${digest}: ${address} unsubscribed (one-click)\n`)),
  });
  let server: ServerType | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    server = serve(
      { fetch: app.fetch, hostname: options.host, port: Number(options.port) },
      (info) =>
        resolve(
          `http://${info.family === "IPv6" ? `[${info.address}]` : info.address}:${info.port}/`,
        ),
    );
    server.once("error", reject);
  });
  io.stderr(`Serving unsubscribes and the archive at ${url} (Ctrl-C to stop)\n`);
  onListening?.(url);
  await stopped;
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await ledger.close();
  return 0;
}
