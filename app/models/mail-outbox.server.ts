// Email that is never lost (issue 14 part 3). Every email is a MailOutbox row
// written in the transaction of the event it reports (`enqueueMail`), so a
// rolled-back change mails nobody. The worker (`deliverDueMail`, polled by
// the server's scheduler, `npm run mail:send` from cron) sends due
// rows, retrying failures with exponential backoff, and gives a row up as
// "dead" after MAIL_MAX_ATTEMPTS; staff see the queue at /staff/search.
// The server polls through the scheduler ("mail-outbox" job), so one process
// drains the queue at a time; the row leases below still keep cron's
// `npm run mail:send` beside it from sending anything twice.
//
// Exactly once: a sender first leases a row with a conditional update
// (lockedUntil in the past, new lockToken); only the process whose update
// matched sends it, and only it can mark it sent. The lease outlasts the
// SMTP timeouts (email.server.ts), so a slow send is never taken over.
import { randomUUID } from "node:crypto";
import { db, type Db } from "~/db.server";
import { env } from "~/env.server";
import { logger } from "~/utils/logger.server";
import { kickJob } from "./scheduler.server";
import { createMailer, type DeliveryTarget, type OutgoingEmail } from "~/utils/email.server";

export type QueuedEmail = OutgoingEmail & {
  /** A notice kind, or e.g. "digest.daily", "auth.password_reset", "organisation.invitation". */
  kind: string;
  /** The recipient's account, when there is one. */
  userId?: string | null;
};

type OutboxTx = Pick<Db, "mailOutbox">;

/**
 * Queues emails inside the caller's transaction (or with `db` outside one).
 * Nothing is sent here; the worker sends after the commit.
 */
export async function enqueueMail(tx: OutboxTx, messages: QueuedEmail[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.mailOutbox.createMany({
    data: messages.map((message) => ({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      headers: message.headers && Object.keys(message.headers).length ? JSON.stringify(message.headers) : null,
      kind: message.kind,
      userId: message.userId ?? null,
    })),
  });
  kickMailWorker();
}

export type DeliveryOptions = DeliveryTarget & {
  /** First retry delay; doubles per failed attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Failed attempts after which a row is dead. */
  maxAttempts?: number;
  batchSize?: number;
  /** How long a leased row is reserved for this sender. */
  leaseMs?: number;
  now?: () => Date;
  /** Stop after the current batch (the server is shutting down). */
  signal?: AbortSignal;
};

export type DeliveryReport = { sent: number; failed: number; dead: number };

export function mailRetryDelay(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

const LEASE_MS = 5 * 60_000;

const dueWhere = (now: Date) => ({
  sentAt: null,
  deadAt: null,
  nextAttemptAt: { lte: now },
  OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
});

/**
 * Sends every row that is due now, once, and returns what happened. Safe to
 * run in several processes at once. Tests call it to flush the queue.
 */
export async function deliverDueMail(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const baseDelayMs = options.baseDelayMs ?? env.MAIL_RETRY_BASE_MS;
  const maxDelayMs = options.maxDelayMs ?? env.MAIL_RETRY_MAX_MS;
  const maxAttempts = options.maxAttempts ?? env.MAIL_MAX_ATTEMPTS;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const clock = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, failed: 0, dead: 0 };
  const tried = new Set<string>();
  let mailer: ReturnType<typeof createMailer> | null = null;
  try {
    for (;;) {
      if (options.signal?.aborted) break;
      const now = clock();
      const candidates = await db.mailOutbox.findMany({
        where: { ...dueWhere(now), id: { notIn: [...tried] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
        select: { id: true },
      });
      if (candidates.length === 0) break;
      for (const { id } of candidates) {
        tried.add(id);
        const lockToken = randomUUID();
        const leased = await db.mailOutbox.updateMany({
          where: { id, ...dueWhere(clock()) },
          data: { lockedUntil: new Date(clock().getTime() + leaseMs), lockToken },
        });
        if (leased.count !== 1) continue; // another sender has it
        const row = await db.mailOutbox.findUniqueOrThrow({ where: { id } });
        mailer ??= createMailer({
          smtpUrl: options.smtpUrl ?? env.SMTP_URL,
          outboxDir: options.outboxDir ?? env.MAIL_OUTBOX_DIR,
        });
        try {
          await mailer.send(
            {
              to: row.to,
              subject: row.subject,
              text: row.text,
              ...(row.html ? { html: row.html } : {}),
              ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}),
            },
            `${row.createdAt.getTime()}-${row.id}`,
          );
          await db.mailOutbox.updateMany({
            where: { id, lockToken },
            data: { sentAt: clock(), attempts: row.attempts + 1, lockedUntil: null, lockToken: null },
          });
          report.sent++;
        } catch (error) {
          const attempts = row.attempts + 1;
          const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
          const dead = attempts >= maxAttempts;
          await db.mailOutbox.updateMany({
            where: { id, lockToken },
            data: {
              attempts,
              lastError: message,
              lockedUntil: null,
              lockToken: null,
              nextAttemptAt: new Date(clock().getTime() + mailRetryDelay(attempts, baseDelayMs, maxDelayMs)),
              ...(dead ? { deadAt: clock() } : {}),
            },
          });
          if (dead) {
            report.dead++;
            logger.error({ err: error, mailId: id, kind: row.kind, attempts }, "email given up after its last attempt");
          } else {
            report.failed++;
            logger.warn({ err: error, mailId: id, kind: row.kind, attempts }, "email not sent; will retry");
          }
          // A new connection next time: the old one may be what failed.
          mailer.close();
          mailer = null;
        }
      }
    }
  } finally {
    mailer?.close();
  }
  return report;
}

/**
 * Asks this process's scheduler to send mail soon rather than at its next
 * poll. Called when mail is queued; the queuing transaction has usually
 * committed by the time the short delay is over, and the poll (the
 * "mail-outbox" job, every MAIL_SEND_INTERVAL_MS, in one process at a time)
 * catches the rest. Without a scheduler in this process (SCHEDULER=off,
 * tests, scripts) it does nothing: tests flush the queue themselves.
 */
export function kickMailWorker(delayMs = 100) {
  kickJob(MAIL_JOB, delayMs);
}

/** The scheduler's name for the mail poll (app/models/scheduled-jobs.server.ts). */
export const MAIL_JOB = "mail-outbox";

export type MailQueueHealth = {
  pending: number;
  failing: number;
  dead: number;
  sentLastDay: number;
  oldestPendingAt: Date | null;
  lastError: string | null;
  recentDead: Array<{
    id: string;
    to: string;
    kind: string;
    attempts: number;
    lastError: string | null;
    createdAt: Date;
  }>;
};

/** What staff see beside the search index health. */
export async function mailQueueHealth(now = new Date()): Promise<MailQueueHealth> {
  const open = { sentAt: null, deadAt: null };
  const [pending, failing, dead, sentLastDay, oldest, lastFailure, recentDead] = await Promise.all([
    db.mailOutbox.count({ where: open }),
    db.mailOutbox.count({ where: { ...open, attempts: { gt: 0 } } }),
    db.mailOutbox.count({ where: { deadAt: { not: null } } }),
    db.mailOutbox.count({ where: { sentAt: { gt: new Date(now.getTime() - 86_400_000) } } }),
    db.mailOutbox.findFirst({ where: open, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.mailOutbox.findFirst({
      where: { sentAt: null, lastError: { not: null } },
      orderBy: { nextAttemptAt: "desc" },
      select: { lastError: true },
    }),
    db.mailOutbox.findMany({
      where: { deadAt: { not: null } },
      orderBy: { deadAt: "desc" },
      take: 20,
      select: { id: true, to: true, kind: true, attempts: true, lastError: true, createdAt: true },
    }),
  ]);
  return {
    pending,
    failing,
    dead,
    sentLastDay,
    oldestPendingAt: oldest?.createdAt ?? null,
    lastError: lastFailure?.lastError ?? null,
    recentDead,
  };
}

/** Staff put a dead message back in the queue (e.g. after fixing SMTP settings). */
export async function retryDeadMail(id: string): Promise<boolean> {
  const result = await db.mailOutbox.updateMany({
    where: { id, deadAt: { not: null }, sentAt: null },
    data: { deadAt: null, attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, lockToken: null },
  });
  if (result.count) kickMailWorker(0);
  return result.count === 1;
}
