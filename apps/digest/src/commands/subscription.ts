import { UsageError } from "../cli/errors.js";
import type { CliIo } from "../cli/io.js";
import { isSafeAddress } from "../config/digest-config.js";
import { splitAddress } from "../delivery/send-run.js";
import { openLedger } from "../state/open-ledger.js";
import { readConfig } from "./open-digests.js";

/**
 * `briefing unsubscribe <digest> <address>` and `briefing resubscribe <digest> <address>`: the
 * operator records or takes back an unsubscription (a request by mail or phone, say).
 */
export async function subscriptionCommand(
  action: "unsubscribe" | "resubscribe",
  name: string,
  recipient: string,
  options: { config?: string },
  io: CliIo,
): Promise<number> {
  const config = await readConfig(options.config, io);
  if (!config.digests.some((d) => d.name === name))
    throw new UsageError(
      `no digest "${name}": expected one of ${config.digests.map((d) => d.name).join(", ")}`,
    );
  if (!isSafeAddress(recipient))
    throw new UsageError(
      `expected an email address such as ana@example.org, found ${JSON.stringify(recipient)}`,
    );
  const { address } = splitAddress(recipient);
  const ledger = await openLedger(config.state);
  try {
    const changed =
      action === "unsubscribe"
        ? await ledger.unsubscribe(name, address, io.now().toISOString(), "operator")
        : await ledger.resubscribe(name, address);
    const done = action === "unsubscribe" ? "unsubscribed from" : "subscribed again to";
    io.stderr(
      changed
        ? `${name}: ${address.toLowerCase()} ${done} ${name}\n`
        : `${name}: ${address.toLowerCase()} was already ${action === "unsubscribe" ? "unsubscribed" : "subscribed"}\n`,
    );
  } finally {
    await ledger.close();
  }
  return 0;
}
