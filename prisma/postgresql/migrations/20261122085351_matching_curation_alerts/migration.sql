-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('SUGGESTED', 'SHORTLISTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MatchRejectReason" AS ENUM ('OUT_OF_SCOPE', 'TRL_TOO_LOW', 'OVER_BUDGET', 'DUPLICATE', 'PROVIDER_UNAVAILABLE', 'OTHER');

-- CreateEnum
CREATE TYPE "DeploymentStage" AS ENUM ('INTRODUCED', 'PILOT', 'PROCUREMENT', 'DEPLOYED', 'DROPPED');

-- CreateEnum
CREATE TYPE "SubscriptionKind" AS ENUM ('SAVED_SEARCH', 'SECTOR', 'NEEDS_FOR_MY_OFFERS', 'OFFERS_FOR_MY_NEEDS');

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "majorProblemId" TEXT,
    "problemStatementId" TEXT,
    "status" "MatchStatus" NOT NULL DEFAULT 'SUGGESTED',
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "rejectReason" "MatchRejectReason",
    "assigneeId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "stage" "DeploymentStage",
    "introducedAt" TIMESTAMP(3),
    "pilotAt" TIMESTAMP(3),
    "procurementAt" TIMESTAMP(3),
    "deployedAt" TIMESTAMP(3),
    "droppedAt" TIMESTAMP(3),
    "dropReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchNote" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT,
    "kind" "SubscriptionKind" NOT NULL,
    "query" TEXT,
    "sectorSlug" TEXT,
    "label" TEXT,
    "unsubscribeTokenHash" TEXT NOT NULL,
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Match_offerId_idx" ON "Match"("offerId");

-- CreateIndex
CREATE INDEX "Match_status_idx" ON "Match"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Match_majorProblemId_offerId_key" ON "Match"("majorProblemId", "offerId");

-- CreateIndex
CREATE UNIQUE INDEX "Match_problemStatementId_offerId_key" ON "Match"("problemStatementId", "offerId");

-- CreateIndex
CREATE INDEX "MatchNote_matchId_idx" ON "MatchNote"("matchId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_unsubscribeTokenHash_key" ON "Subscription"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "Subscription_userId_idx" ON "Subscription"("userId");

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_problemStatementId_fkey" FOREIGN KEY ("problemStatementId") REFERENCES "ProblemStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchNote" ADD CONSTRAINT "MatchNote_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchNote" ADD CONSTRAINT "MatchNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

