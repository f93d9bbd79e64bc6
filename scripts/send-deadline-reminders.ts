// Deadline reminders now (app/models/notice-deadlines.server.ts): statements
// closing within 3 days, overdue major problems, stale offers. The server
// runs the same job hourly; this is for cron when its timer is not wanted.
// Each reminder is sent once however often this runs.
import { db } from "~/db.server";
import { deliverDueMail } from "~/models/mail-outbox.server";
import { sendDeadlineReminders } from "~/models/notice-deadlines.server";
import { logger } from "~/utils/logger.server";

try {
  const report = await sendDeadlineReminders(new Date());
  const delivery = await deliverDueMail();
  logger.info({ ...report, delivery }, "deadline reminders done");
} finally {
  await db.$disconnect();
}
