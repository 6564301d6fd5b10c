import type { DigestStore } from "./digest-store.js";
import { Ledger } from "./ledger.js";

/** Whether a `state` setting names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(state: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(state);
}

/**
 * The store a configuration's `state` names: a PostgreSQL database (`postgres://…`, for digests
 * sent from several machines) or a SQLite file (the embedded default).
 */
export async function openLedger(state: string): Promise<DigestStore> {
  if (!isPostgresUrl(state)) return new Ledger(state);
  const { PostgresLedger } = await import("./postgres-ledger.js");
  return PostgresLedger.connect(state);
}
