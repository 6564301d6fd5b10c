/** What a digest run reports as it goes: the CLI prints these, `schedule` logs them. */
export type DigestEvent =
  | { kind: "busy"; digest: string }
  | { kind: "not-due"; digest: string; next: string | null }
  | {
      kind: "run-started";
      digest: string;
      periodStart: string;
      periodEnd: string;
      articles: number;
      recipients: number;
      resumed: boolean;
    }
  | { kind: "nothing-new"; digest: string; periodStart: string; periodEnd: string }
  | {
      kind: "first-run";
      digest: string;
      periodStart: string;
      periodEnd: string;
      /** Articles read that arrived before its period: history, not news. */
      older: number;
    }
  | { kind: "sent"; digest: string; recipient: string; messageId: string; attempt: number }
  | {
      kind: "retry";
      digest: string;
      recipient: string;
      attempt: number;
      delayMs: number;
      error: string;
    }
  | {
      kind: "failed";
      digest: string;
      recipient: string;
      attempts: number;
      error: string;
      final: boolean;
    }
  | { kind: "transport-failed"; digest: string; error: string }
  | { kind: "transport-down"; digest: string; failures: number; pending: number; error: string }
  | { kind: "suppressed"; digest: string; recipient: string }
  | { kind: "missing-articles"; digest: string; count: number }
  | { kind: "queued"; digest: string; periodEnd: string; recipients: number; batches: number }
  | { kind: "build-queued"; digest: string; periodEnd: string; recipients: number }
  | {
      kind: "run-finished";
      digest: string;
      periodEnd: string;
      sent: number;
      failed: number;
      pending: number;
    };
