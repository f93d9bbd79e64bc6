-- DropIndex
DROP INDEX "SearchOutbox_availableAt_idx";

-- AlterTable
ALTER TABLE "SearchOutbox" DROP COLUMN "attempts",
DROP COLUMN "availableAt",
DROP COLUMN "lastError";

