// Runs the server's clean-ups once, for cron or by hand: cancels orders left
// without a payment page for STRANDED_ORDER_MINUTES (default 10) and deletes
// uploaded files no row names that are older than ORPHAN_UPLOAD_GRACE_MINUTES
// (default 60). `npm run clean:orphans`.
import { db } from "~/db.server";
import { orphanUploadGraceMs, strandedOrderDelayMs } from "~/models/maintenance.server";
import { sweepStrandedOrders } from "~/models/order.server";
import { removeOrphanUploads } from "~/models/upload-cleanup.server";
import { logger } from "~/utils/logger.server";

try {
  const orders = await sweepStrandedOrders({ olderThanMs: strandedOrderDelayMs() });
  const uploads = await removeOrphanUploads({ graceMs: orphanUploadGraceMs() });
  logger.info(
    { strandedOrdersCancelled: orders.cancelled.length, orphanUploadsRemoved: uploads.removed.length },
    "clean-up done",
  );
} finally {
  await db.$disconnect();
}
