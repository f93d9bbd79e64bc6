import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady } from "@remix-run/node";
import { env, sessionSecret } from "~/env.server";
import { startDailyDigestSchedule } from "~/models/daily-digest.server";
import { startMailWorker } from "~/models/mail-outbox.server";
import { startMaintenanceSchedule } from "~/models/maintenance.server";
import { startDeadlineReminderSchedule } from "~/models/notice-deadlines.server";
import { startOpenDataSchedule } from "~/models/open-data.server";
import { startDemoPayments, testPaymentsOn } from "~/payments/demo-payments.server";
import { logger } from "~/utils/logger.server";
import { createApp } from "./app";

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

// The demo's test payments (DEMO_TEST_PAYMENTS, set by npm start without
// Stripe keys): the loopback Stripe stand-in, up before the first order.
// Never started otherwise; env.server.ts refuses the switch beside real keys.
if (testPaymentsOn(env)) {
  const standIn = await startDemoPayments(env, { sessionSecret, webhookUrl: () => `http://127.0.0.1:${env.PORT}/webhooks/stripe` }).catch((error: Error) => {
    throw new Error(`test payments: the Stripe stand-in could not listen (${error.message}); set STRIPE_API_PORT to a free port`);
  });
  logger.warn({ checkout: standIn.baseUrl }, "TEST PAYMENTS: orders are paid on a loopback Stripe stand-in; no real money moves");
}

const app = createApp(build, env);
const server = app.listen(env.PORT, () => {
  logger.info({ url: `http://localhost:${env.PORT}` }, "Hanoi Tech Exchange is serving");
  if (env.NODE_ENV === "development") void broadcastDevReady(build);
});
// Bulk open-data files: rebuilt when over a day old, checked after boot, never during it.
if (env.OPEN_DATA_AUTO_REBUILD === "true") startOpenDataSchedule();
// Stranded orders and orphan uploads (crash leftovers); see app/models/maintenance.server.ts.
startMaintenanceSchedule();
// Queued email (MailOutbox) goes out on a poll with retries; daily digests at 07:00 Hanoi time.
startMailWorker();
startDailyDigestSchedule();
// Deadline reminders (statements closing, overdue major problems, stale offers), hourly; each is sent once.
startDeadlineReminderSchedule();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
