// Sends every queued email that is due (app/models/mail-outbox.server.ts),
// then exits: `npm run mail:send`. The server already does this on a poll;
// this is for cron on a machine without the server, or to flush by hand.
// Safe while the server runs: each message is leased by one sender.
import { db } from "~/db.server";
import { deliverDueMail } from "~/models/mail-outbox.server";
import { logger } from "~/utils/logger.server";

try {
  const report = await deliverDueMail();
  logger.info(report, "mail queue flushed");
} finally {
  await db.$disconnect();
}
