// Background clean-ups the server's scheduler runs (app/models/scheduled-jobs.server.ts):
// stranded orders (a crash between an order's row and its payment page) and
// orphan uploads (a crash between a file and its row). Each is safe to run
// again after a crash mid-way, and even in several processes at once; the
// npm scripts run the same functions from cron when the scheduler is off.
import { env } from "~/env.server";

const MINUTE = 60_000;

export const strandedOrderDelayMs = () => env.STRANDED_ORDER_MINUTES * MINUTE;
export const orphanUploadGraceMs = () => env.ORPHAN_UPLOAD_GRACE_MINUTES * MINUTE;
