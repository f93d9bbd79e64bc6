// Every periodic job the server runs, in one place: what runs, how often,
// and why a rerun after a crash mid-way is safe (the scheduler reruns a job
// whose process died; see app/models/scheduler.server.ts).
import type { Env } from "~/env.server";
import { DAILY_DIGEST_AT, sendDailyDigests } from "~/models/daily-digest.server";
import { deliverDueMail, MAIL_JOB } from "~/models/mail-outbox.server";
import { orphanUploadGraceMs, strandedOrderDelayMs } from "~/models/maintenance.server";
import { sendDeadlineReminders } from "~/models/notice-deadlines.server";
import { refreshIfStale } from "~/models/open-data.server";
import { sweepStrandedOrders } from "~/models/order.server";
import { pruneJobRuns, type ScheduledJob } from "~/models/scheduler.server";
import { removeOrphanUploads } from "~/models/upload-cleanup.server";
import { drainPaymentEvents, PAYMENT_JOB } from "~/models/payment-events.server";
import { logger } from "~/utils/logger.server";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function scheduledJobs(env: Pick<Env, "MAIL_SEND_INTERVAL_MS" | "OPEN_DATA_AUTO_REBUILD">): ScheduledJob[] {
  const jobs: ScheduledJob[] = [
    // Queued email. Each row is leased (lockedUntil/lockToken) before it is
    // sent and marked sent by its lease holder only, so a rerun sends what is
    // left; a message whose send was cut off by a crash may go twice (SMTP
    // gives no way to know), as before.
    {
      name: MAIL_JOB,
      schedule: { everyMs: env.MAIL_SEND_INTERVAL_MS },
      run: ({ signal }) => deliverDueMail({ signal }),
    },
    // Payment webhook events: the webhook's kick applies new ones at once;
    // this poll retries failures. Each event is claimed (attempts and
    // availableAt) before it is applied, and applying is idempotent per order.
    {
      name: PAYMENT_JOB,
      schedule: { everyMs: 5_000 },
      run: () => drainPaymentEvents(),
    },
    // PENDING orders with no payment page after STRANDED_ORDER_MINUTES: the
    // cancel is a conditional update, so a rerun skips those already done.
    {
      name: "stranded-orders",
      schedule: { everyMs: MINUTE },
      run: async () => {
        const { cancelled } = await sweepStrandedOrders({ olderThanMs: strandedOrderDelayMs() });
        if (cancelled.length) logger.info({ cancelled: cancelled.length }, "stranded orders cancelled");
      },
    },
    // Files no row names, past their grace: deleting one already gone is a no-op.
    {
      name: "orphan-uploads",
      schedule: { everyMs: HOUR },
      run: () => removeOrphanUploads({ graceMs: orphanUploadGraceMs() }),
    },
    // Notices waiting for the daily email: each is claimed (digestPending
    // true -> false) in the transaction that queues its email, so a rerun
    // mails only what no run has claimed.
    {
      name: "daily-digest",
      schedule: { dailyAt: DAILY_DIGEST_AT },
      run: async () => logger.info(await sendDailyDigests(), "daily digests queued"),
    },
    // Deadline reminders: each has a NoticeReminder key written with its
    // notices, so a rerun never repeats one.
    {
      name: "deadline-reminders",
      schedule: { everyMs: HOUR },
      run: async () => {
        const report = await sendDeadlineReminders();
        if (report.notified) logger.info(report, "deadline reminders sent");
      },
    },
    // Old JobRun rows: keeps the newest of each job (pruneJobRuns).
    {
      name: "prune-job-runs",
      schedule: { everyMs: HOUR },
      run: () => pruneJobRuns(),
    },
  ];
  // Open-data files over a day old are rebuilt; a rebuild writes new files
  // and swaps the manifest last, so a rerun after a crash just builds again.
  if (env.OPEN_DATA_AUTO_REBUILD === "true")
    jobs.push({ name: "open-data", schedule: { everyMs: HOUR }, run: () => refreshIfStale() });
  return jobs;
}
