// Sends the weekly alert digests (app/models/weekly-digest.server.ts). Meant to run
// once a week from cron or a systemd timer: `npm run digest:weekly`. Running it
// again in the same week (Monday to Sunday, Hanoi time) sends nothing more.
import { db } from "~/db.server";
import { sendWeeklyDigests } from "~/models/weekly-digest.server";
import { searchService, settleSearchIndex } from "~/search-service.server";
import { logger } from "~/utils/logger.server";

try {
  // Saved searches and matching read the search index: bring it up to date
  // with everything published so far, as the server's worker would.
  await settleSearchIndex();
  const report = await sendWeeklyDigests(new Date());
  logger.info(report, "weekly digests done");
} finally {
  const service = searchService();
  service.worker.stop();
  await service.engine.close();
  await db.$disconnect();
}
