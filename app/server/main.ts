import type { ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady } from "@remix-run/node";
import { env, sessionSecret } from "~/env.server";
import { db } from "~/db.server";
import { scheduledJobs } from "~/models/scheduled-jobs.server";
import { Scheduler } from "~/models/scheduler.server";
import { startDemoPayments, testPaymentsOn } from "~/payments/demo-payments.server";
import { logger } from "~/utils/logger.server";
import { createApp } from "./app";
import { markShuttingDown } from "./lifecycle";

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

// The demo's test payments (DEMO_TEST_PAYMENTS, set by npm start without
// Stripe keys): the loopback Stripe stand-in, up before the first order.
// Never started otherwise; env.server.ts refuses the switch beside real keys.
if (testPaymentsOn(env)) {
  const standIn = await startDemoPayments(env, {
    sessionSecret,
    webhookUrl: () => `http://127.0.0.1:${env.PORT}/webhooks/stripe`,
  }).catch((error: Error) => {
    throw new Error(
      `test payments: the Stripe stand-in could not listen (${error.message}); set STRIPE_API_PORT to a free port`,
    );
  });
  logger.warn(
    { checkout: standIn.baseUrl },
    "TEST PAYMENTS: orders are paid on a loopback Stripe stand-in; no real money moves",
  );
}

const app = createApp(build, env);
const server = app.listen(env.PORT, () => {
  logger.info({ url: `http://localhost:${env.PORT}` }, "Hanoi Tech Exchange is serving");
  if (env.NODE_ENV === "development") void broadcastDevReady(build);
});
// Periodic work (mail, payment retries, clean-ups, digests, reminders,
// open data): every process ticks, each job runs in one process at a time
// and once per period across all of them (app/models/scheduler.server.ts).
const scheduler =
  env.SCHEDULER === "on" ? new Scheduler(scheduledJobs(env), { tickMs: env.SCHEDULER_TICK_MS }).start() : null;

// The search service (app/search-service.server.ts) lives on globalThis, made by the
// Remix build; its worker's stop() finishes the batch it is applying.
const searchWorker = () =>
  (globalThis as { __searchService?: { worker: { stop(): unknown } } }).__searchService?.worker;

// Graceful shutdown: a deploy or a scale-down sends SIGTERM. Stop accepting
// (the listening socket closes, so new connections are refused and the
// proxy sends them to another process), let requests in flight finish, let
// the current job and search batch end (their leases are given back), then
// exit 0. Anything still going after SHUTDOWN_TIMEOUT_MS is cut: exit 1.
let shuttingDown = false;
// Responses still to be written when the signal comes end their connection
// ("Connection: close"), as do requests that arrive on a kept-alive
// connection meanwhile: a proxy must not reuse a connection that is about
// to be closed under it.
const unanswered = new Set<ServerResponse>();
server.on("request", (_req, res: ServerResponse) => {
  if (shuttingDown) {
    if (!res.headersSent) res.setHeader("Connection", "close");
    return;
  }
  unanswered.add(res);
  res.on("close", () => unanswered.delete(res));
});
async function shutDown(signal: NodeJS.Signals) {
  if (shuttingDown) {
    logger.warn({ signal }, "second signal: exiting now");
    process.exit(1);
  }
  shuttingDown = true;
  // Requests still arriving on a proxy's kept-alive connections see /readyz
  // answer 503, so the proxy stops sending new work here while we drain.
  markShuttingDown();
  const started = Date.now();
  logger.info(
    { signal, timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
    "shutting down: finishing requests in flight and running jobs",
  );
  setTimeout(() => {
    logger.error({ busy: scheduler?.busy() ?? [] }, "shutdown took too long; exiting with work unfinished");
    process.exit(1);
  }, env.SHUTDOWN_TIMEOUT_MS).unref();
  for (const res of unanswered) if (!res.headersSent) res.setHeader("Connection", "close");
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections between requests would hold close() open until
  // they time out; close them now, and each one as its last response ends.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await Promise.all([
      closed.finally(() => clearInterval(idleSweep)),
      scheduler?.stop(),
      Promise.resolve(searchWorker()?.stop()),
    ]);
    await db.$disconnect();
    logger.info({ ms: Date.now() - started }, "shut down cleanly");
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, "shutdown failed");
    process.exit(1);
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, (name) => void shutDown(name));
