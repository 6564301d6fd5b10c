import { createHash, randomUUID } from "node:crypto";
import type { Article } from "@briefing/core";
import { buildBriefing, readArticles } from "@briefing/summariser";
import type { Config } from "../config/digest-config.js";
import type { Mailer } from "../delivery/create-mailer.js";
import type { DigestEvent } from "../delivery/digest-event.js";
import { domainOf, type SendRunContext, sendRun, splitAddress } from "../delivery/send-run.js";
import { type CompiledEmail, compileEmail } from "../render/compile-email.js";
import { personaliseEmail } from "../render/personalise-email.js";
import {
  type DeliveryRow,
  type DigestStore,
  isUnsettled,
  type RunRow,
} from "../state/digest-store.js";
import { unsubscribeToken } from "../unsubscribe/unsubscribe-token.js";
import { planPeriod } from "./plan-period.js";
import { selectArticles } from "./select-articles.js";

type Digest = Config["digests"][number];

/** The articles a digest can read: the corpus's, and those stored from sources. */
export interface LoadedArticles {
  articles: Article[];
  /** When each stored article was first seen (ISO instant), by id. */
  firstSeen: ReadonlyMap<string, string>;
}

/** What running digests needs: the configuration, state, a mailer, the corpus, time and a log. */
export interface DigestContext {
  config: Config;
  ledger: DigestStore;
  mailer: Mailer;
  /**
   * The corpus's articles (read once per command) and the stored articles first seen in
   * `[from, to)`.
   */
  loadArticles: (window: { from: Date; to: Date }) => Promise<LoadedArticles>;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  log: (event: DigestEvent) => void;
  /** Removes secrets (the SMTP password, the token secret) from text to be logged or stored. */
  redact: (text: string) => string;
  /** With a PostgreSQL store: periods are handed to workers instead of sent here. */
  jobs?: DigestJobs;
  /** Waits for a turn under the transport's rate limit (`delivery.maxPerSecond`), when set. */
  rateLimit?: () => Promise<void>;
}

/** Where a period goes to be built and sent by workers (`briefing worker`). */
export interface DigestJobs {
  /**
   * Queues a recorded period for a worker to build (its briefing and email, once), unless its
   * build is already queued or under way; returns whether it queued one.
   */
  build(run: RunRow): Promise<boolean>;
  /** Queues the recipients in batches with the compiled email, once; returns the batches. */
  queue(run: RunRow, email: CompiledEmail, recipients: readonly string[]): Promise<number>;
  /**
   * Queues a period already handed to the workers again, for these recipients still unsettled,
   * when none of its batches is left in the queue (they gave up after their retries): returns
   * the batches queued, 0 when its batches are still there.
   */
  requeueIfIdle(run: RunRow, recipients: readonly string[]): Promise<number>;
  /** Whether `run-due` and `send` wait until the workers have sent the period. */
  wait: boolean;
}

/** Options of {@link runDigest}. */
export interface RunDigestOptions {
  /** A digest's first period covers the last this many days (default: one scheduled slot). */
  backfillDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Runs one digest: takes its lock (or reports it busy), finishes any run a crash or a flaky
 * server left unfinished, then, when a period is due (`due`) or asked for (`now`), records the
 * period with its articles and recipients and sends it. Content, Message-IDs and `now` of a run
 * come from the ledger, so a resumed run sends what the first attempt would have.
 *
 * The lock is a lease (`delivery.leaseMs`) renewed by a heartbeat every quarter of it for as long
 * as the run lasts, waits and retries included: a live holder never loses it, a crashed one does
 * when the lease ends (at once on this host, where its process is seen to be gone).
 */
export async function runDigest(
  digest: Digest,
  mode: "due" | "now",
  now: Date,
  ctx: DigestContext,
  options: RunDigestOptions = {},
): Promise<void> {
  const holder = randomUUID();
  const lease = ctx.config.delivery.leaseMs;
  if (!(await ctx.ledger.acquireLock(digest.name, holder, ctx.clock().getTime(), lease))) {
    ctx.log({ kind: "busy", digest: digest.name });
    return;
  }
  let held = true;
  const keepLock = async () => {
    held &&= await ctx.ledger.refreshLock(digest.name, holder, ctx.clock().getTime(), lease);
    return held;
  };
  // A store that cannot be reached cannot vouch for the lock: the run stops at its next check.
  const heartbeat = setInterval(
    () =>
      void keepLock().catch(() => {
        held = false;
      }),
    Math.max(50, Math.floor(lease / 4)),
  );
  try {
    for (const run of await ctx.ledger.unfinishedRuns(digest.name))
      await deliver(digest, run, true, ctx, keepLock);
    const latest = await ctx.ledger.latestRun(digest.name);
    const plan = planPeriod({
      schedule: digest.schedule,
      timezone: digest.timezone,
      ...(latest ? { lastEnd: new Date(latest.periodEnd) } : {}),
      now,
      mode,
    });
    if (plan.kind === "not-due") {
      ctx.log({ kind: "not-due", digest: digest.name, next: plan.next?.toISOString() ?? null });
      return;
    }
    const first = latest === undefined;
    const start =
      first && options.backfillDays !== undefined
        ? new Date(
            Math.min(plan.start.getTime(), plan.end.getTime() - options.backfillDays * DAY_MS),
          )
        : plan.start;
    const history = historyStart(start, plan.end, ctx);
    const loaded = await ctx.loadArticles({ from: history, to: new Date(now.getTime() + 1) });
    const origin = new Date((await ctx.ledger.origin(digest.name)) ?? start.toISOString());
    const covered = await ctx.ledger.coveredArticles(
      digest.name,
      loaded.articles.map((a) => a.id),
    );
    // What arrived up to now is news, slot or not: the next period starts where this one ends.
    const window = { end: now, timezone: digest.timezone, firstSeen: loaded.firstSeen };
    const chosen = selectArticles(loaded.articles, { ...window, covered, origin });
    const news = new Set(chosen.map((a) => a.id));
    const earlier =
      chosen.length === 0
        ? []
        : selectArticles(loaded.articles, { ...window, covered: news, origin: history });
    if (first)
      ctx.log({
        kind: "first-run",
        digest: digest.name,
        periodStart: start.toISOString(),
        periodEnd: plan.end.toISOString(),
        older: selectArticles(loaded.articles, {
          ...window,
          end: start,
          covered: news,
          origin: new Date(0),
        }).length,
      });
    const periodEnd = plan.end.toISOString();
    const gone = chosen.length > 0 ? await ctx.ledger.unsubscribed(digest.name) : new Set();
    const subscribed = digest.recipients.filter(
      (r) => !gone.has(splitAddress(r).address.toLowerCase()),
    );
    const run = await ctx.ledger.createRun({
      digest: digest.name,
      periodStart: start.toISOString(),
      periodEnd,
      createdAt: ctx.clock().toISOString(),
      articleIds: chosen.map((a) => a.id),
      historyIds: earlier.map((a) => a.id),
      deliveries: subscribed.map((recipient) => ({
        recipient,
        messageId: messageIdOf(digest.name, periodEnd, recipient, ctx.config.from),
      })),
    });
    if (chosen.length === 0) {
      ctx.log({
        kind: "nothing-new",
        digest: digest.name,
        periodStart: run.periodStart,
        periodEnd,
      });
      return;
    }
    await deliver(digest, run, false, ctx, keepLock);
  } finally {
    clearInterval(heartbeat);
    await ctx.ledger.releaseLock(digest.name, holder);
  }
}

async function deliver(
  digest: Digest,
  run: RunRow,
  resumed: boolean,
  ctx: DigestContext,
  keepLock: () => Promise<boolean>,
): Promise<void> {
  const jobs = ctx.jobs;
  if (jobs) {
    // A period already built is the workers': only batches given up are queued again.
    if ((await ctx.ledger.email(run.id)) !== undefined)
      return handToWorkers(run, await ctx.ledger.deliveries(run.id), ctx, (unsettled) =>
        jobs.requeueIfIdle(run, unsettled),
      );
    // One worker builds the period (its briefing and email, once) and queues its batches.
    if (await jobs.build(run)) {
      const deliveries = await ctx.ledger.deliveries(run.id);
      ctx.log({
        kind: "build-queued",
        digest: run.digest,
        periodEnd: run.periodEnd,
        recipients: deliveries.filter(isUnsettled).length,
      });
    }
    if (jobs.wait) await waitUntilSent(run, ctx);
    return;
  }
  const compiled = await composeIssue(digest, run, resumed, ctx);
  await sendRun(run, compiled, sendContextOf(digest, ctx, keepLock));
  const settled = await ctx.ledger.deliveries(run.id);
  ctx.log({
    kind: "run-finished",
    digest: digest.name,
    periodEnd: run.periodEnd,
    sent: settled.filter((d) => d.status === "sent").length,
    failed: settled.filter((d) => d.status === "failed").length,
    pending: settled.filter(isUnsettled).length,
  });
}

/**
 * A `build-digest` job, in a worker: builds a queued period's briefing and email from the
 * articles its run recorded, keeps the issue, then queues its unsettled recipients in batches
 * with the email, in one transaction. A period built already (a job run twice) is left as it is.
 */
export async function buildQueuedRun(digest: Digest, run: RunRow, ctx: DigestContext) {
  const jobs = ctx.jobs;
  if (!jobs) throw new Error(`${digest.name}: building a queued period needs the job queue`);
  if ((await ctx.ledger.email(run.id)) !== undefined) return;
  const compiled = await composeIssue(digest, run, false, ctx);
  await handToWorkers(run, await ctx.ledger.deliveries(run.id), ctx, (unsettled) =>
    jobs.queue(run, compiled, unsettled),
  );
}

/**
 * A period's briefing and email, made from the articles its run recorded (news and history), and
 * the issue kept in the archive as sent, with no recipient's name or link in it.
 */
async function composeIssue(
  digest: Digest,
  run: RunRow,
  resumed: boolean,
  ctx: DigestContext,
): Promise<CompiledEmail> {
  const ids = new Set(await ctx.ledger.runArticles(run.id));
  const historyIds = new Set(await ctx.ledger.runHistory(run.id));
  const loaded = await ctx.loadArticles({
    from: historyStart(new Date(run.periodStart), new Date(run.periodEnd), ctx),
    to: new Date(FAR_FUTURE_MS),
  });
  const articles = loaded.articles.filter((a) => ids.has(a.id));
  const read = articles.concat(loaded.articles.filter((a) => historyIds.has(a.id)));
  if (articles.length < ids.size)
    ctx.log({ kind: "missing-articles", digest: digest.name, count: ids.size - articles.length });
  const deliveries = await ctx.ledger.deliveries(run.id);
  ctx.log({
    kind: "run-started",
    digest: digest.name,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    articles: articles.length,
    recipients: deliveries.length,
    resumed,
  });
  const end = new Date(run.periodEnd);
  const briefing = buildBriefing(await readArticles({ articles: read }, { threads: 1 }), {
    now: end,
    news: ids,
    ...(digest.topic ? { topic: digest.topic } : {}),
    ...(digest.maxEvents ? { maxEvents: digest.maxEvents } : {}),
  });
  const date = new Intl.DateTimeFormat("en-GB", {
    timeZone: digest.timezone,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(end);
  const compiled = await compileEmail(briefing, {
    subject: digest.subject
      .replaceAll("{headline}", briefing.headline)
      .replaceAll("{digest}", digest.name)
      .replaceAll("{date}", date),
    kicker: `${digest.name} · ${date}`,
    reason: `You receive this because you subscribe to the “${digest.name}” digest, covering what was new since the previous one.`,
  });
  await ctx.ledger.saveIssue(run.id, compiled.subject, personaliseEmail(compiled).html);
  return compiled;
}

/** How a run of this digest is sent: from, unsubscribe links, retries, the log. */
export function sendContextOf(
  digest: Digest,
  ctx: DigestContext,
  keepLock: () => Promise<boolean>,
): SendRunContext {
  const secret = ctx.config.secret;
  if (!secret) throw new Error("no secret to sign unsubscribe tokens with");
  const listAddress = splitAddress(ctx.config.from).address;
  return {
    ledger: ctx.ledger,
    mailer: ctx.mailer,
    ...(ctx.rateLimit ? { rateLimit: ctx.rateLimit } : {}),
    from: ctx.config.from,
    unsubscribe: (recipient) => {
      const { address } = splitAddress(recipient);
      const token = unsubscribeToken(secret, digest.name, address);
      return {
        ...(digest.unsubscribeUrl
          ? {
              url: digest.unsubscribeUrl
                .replaceAll("{token}", token)
                .replaceAll("{digest}", encodeURIComponent(digest.name))
                .replaceAll("{email}", encodeURIComponent(address)),
            }
          : {}),
        mailto: `mailto:${listAddress}?subject=${encodeURIComponent(`unsubscribe ${digest.name} ${token}`)}`,
      };
    },
    retry: {
      attempts: ctx.config.delivery.attempts,
      baseDelayMs: ctx.config.delivery.backoffMs,
      maxDelayMs: ctx.config.delivery.maxBackoffMs,
      maxConnectionFailures: ctx.config.delivery.maxConnectionFailures,
    },
    clock: ctx.clock,
    sleep: ctx.sleep,
    random: ctx.random,
    keepLock,
    redact: ctx.redact,
    log: ctx.log,
  };
}

/** How often `--wait` looks at a queued period's deliveries. */
const WAIT_POLL_MS = 250;

/** Queues a run's unsettled recipients for the workers, says so, and waits when asked. */
async function handToWorkers(
  run: RunRow,
  deliveries: readonly DeliveryRow[],
  ctx: DigestContext,
  queue: (unsettled: string[]) => Promise<number>,
): Promise<void> {
  const unsettled = deliveries.filter(isUnsettled).map((d) => d.recipient);
  const batches = await queue(unsettled);
  if (batches > 0)
    ctx.log({
      kind: "queued",
      digest: run.digest,
      periodEnd: run.periodEnd,
      recipients: unsettled.length,
      batches,
    });
  if (ctx.jobs?.wait) await waitUntilSent(run, ctx);
}

/**
 * Waits until the workers have settled every delivery of a queued period: the batch that settles
 * the last one completes the run.
 */
async function waitUntilSent(run: RunRow, ctx: DigestContext): Promise<void> {
  while ((await ctx.ledger.run(run.id))?.status !== "complete") await ctx.sleep(WAIT_POLL_MS);
}

/** A window open to the end: the last instant of year 9999 (ISO strings compare as text). */
const FAR_FUTURE_MS = Date.parse("9999-12-31T23:59:59.999Z");

/** Where a period's history starts: `historyDays` before its end, or its start if earlier. */
function historyStart(start: Date, end: Date, ctx: DigestContext): Date {
  return new Date(Math.min(start.getTime(), end.getTime() - ctx.config.historyDays * DAY_MS));
}

/** The same (digest, period, recipient) always gets the same Message-ID, so a resumed run is recognisable. */
export function messageIdOf(
  digest: string,
  periodEnd: string,
  recipient: string,
  from: string,
): string {
  const hash = createHash("sha256")
    .update(`${digest}\n${periodEnd}\n${splitAddress(recipient).address.toLowerCase()}`)
    .digest("hex");
  return `<${hash.slice(0, 32)}.${digest}@${domainOf(from)}>`;
}
