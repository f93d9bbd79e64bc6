-- The retry columns moved to SearchConsumer (one cursor and attempt count per
-- reader). Dropped in place rather than by copying the table, as Prisma's
-- generated migration did: a copy restarts the AUTOINCREMENT counter when the
-- log has been pruned empty, new entries would then get ids below the
-- readers' cursors, and every index would skip them.
DROP INDEX "SearchOutbox_availableAt_idx";
ALTER TABLE "SearchOutbox" DROP COLUMN "attempts";
ALTER TABLE "SearchOutbox" DROP COLUMN "availableAt";
ALTER TABLE "SearchOutbox" DROP COLUMN "lastError";
