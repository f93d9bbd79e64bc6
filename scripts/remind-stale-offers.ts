// Emails the owners of organisations whose published offers have not been
// updated for over 180 days, once per stale period. Meant to run daily
// (cron or a systemd timer): `npm run offers:remind-stale`.
import { db } from "~/db.server";
import { remindStaleOffers } from "~/models/offer-reminders.server";
import { logger } from "~/utils/logger.server";

try {
  const sent = await remindStaleOffers(new Date());
  logger.info({ sent }, "stale offer reminders done");
} finally {
  await db.$disconnect();
}
