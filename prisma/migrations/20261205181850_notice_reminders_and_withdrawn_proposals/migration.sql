-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "withdrawnAt" DATETIME;

-- CreateTable
CREATE TABLE "NoticeReminder" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

