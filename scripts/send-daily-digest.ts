// Queues the daily digest emails (app/models/daily-digest.server.ts) and
// sends them: `npm run digest:daily`, from cron or a systemd timer once a day
// if the server's own 07:00 schedule is not wanted. A second run mails only
// notices that arrived in between.
import { db } from "~/db.server";
import { sendDailyDigests } from "~/models/daily-digest.server";
import { deliverDueMail } from "~/models/mail-outbox.server";
import { logger } from "~/utils/logger.server";

try {
  const report = await sendDailyDigests();
  const delivery = await deliverDueMail();
  logger.info({ ...report, delivery }, "daily digests done");
} finally {
  await db.$disconnect();
}
