/** How a failed send should be handled. */
export type Failure =
  /**
   * Worth trying again: a 4xx reply, a dropped connection, a timeout. `connection` when the
   * server could not be reached or talked to at all (refused, timed out, reset, unknown host).
   */
  | { kind: "temporary"; message: string; connection?: boolean }
  /** This recipient will not get it: a 5xx reply. */
  | { kind: "permanent"; message: string }
  /** The transport itself is unusable (login refused, bad settings): stop the run, keep the rest pending. */
  | { kind: "transport"; message: string };

/** Sorts an error from nodemailer (or the file transport) by what to do next. */
export function classifyFailure(error: unknown): Failure {
  const e = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const message = (e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").trim();
  if (e.code === "EAUTH" || e.code === "ECONFIG" || e.code === "ENOAUTH")
    return { kind: "transport", message };
  if (typeof e.responseCode === "number") {
    if (e.responseCode >= 500) return { kind: "permanent", message };
    if (e.responseCode >= 400) return { kind: "temporary", message };
  }
  // Network and socket errors: ECONNECTION, ETIMEDOUT, ESOCKET, ECONNRESET, EPIPE, EDNS, ...
  if (e.code && /^E[A-Z]+$/.test(e.code)) return { kind: "temporary", message, connection: true };
  return { kind: "transport", message };
}
