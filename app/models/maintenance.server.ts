// Background clean-ups the server runs on timers, besides the payment and
// search workers: stranded orders (a crash between an order's row and its
// payment page) and orphan uploads (a crash between a file and its row).
// Each is safe to run in several processes at once; the npm scripts run the
// same functions from cron when the server's own timers are not wanted.
import { env } from "~/env.server";
import { sweepStrandedOrders } from "~/models/order.server";
import { removeOrphanUploads } from "~/models/upload-cleanup.server";
import { logger } from "~/utils/logger.server";

const MINUTE = 60_000;

export const strandedOrderDelayMs = () => env.STRANDED_ORDER_MINUTES * MINUTE;
export const orphanUploadGraceMs = () => env.ORPHAN_UPLOAD_GRACE_MINUTES * MINUTE;

/** Orders every minute, uploads hourly; the first runs soon after boot, not during it. */
export function startMaintenanceSchedule(options: { ordersEveryMs?: number; uploadsEveryMs?: number } = {}): () => void {
  const orders = () => {
    sweepStrandedOrders({ olderThanMs: strandedOrderDelayMs() }).catch((error: unknown) => logger.error({ err: error }, "stranded order sweep failed"));
  };
  const uploads = () => {
    removeOrphanUploads({ graceMs: orphanUploadGraceMs() }).catch((error: unknown) => logger.error({ err: error }, "orphan upload sweep failed"));
  };
  const timers = [
    setTimeout(orders, 15_000),
    setTimeout(uploads, 30_000),
    setInterval(orders, options.ordersEveryMs ?? MINUTE),
    setInterval(uploads, options.uploadsEveryMs ?? 60 * MINUTE),
  ];
  for (const timer of timers) timer.unref();
  return () => timers.forEach((timer) => clearTimeout(timer));
}
