-- AlterEnum
ALTER TYPE "ProposalStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NoticeReminder" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeReminder_pkey" PRIMARY KEY ("key")
);

