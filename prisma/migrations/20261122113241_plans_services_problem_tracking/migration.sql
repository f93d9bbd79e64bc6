-- AlterTable
ALTER TABLE "Offer" ADD COLUMN "featuredUntil" DATETIME;

-- CreateTable
CREATE TABLE "PlanSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'INCOMPLETE',
    "amountVnd" BIGINT NOT NULL,
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "providerSubscriptionId" TEXT,
    "providerCustomerId" TEXT,
    "currentPeriodEnd" DATETIME,
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "startedById" TEXT,
    "canceledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanSubscription_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanSubscription_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServicePurchase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "offerId" TEXT,
    "days" INTEGER,
    "amountVnd" BIGINT NOT NULL,
    "amountPaidVnd" BIGINT,
    "amountRefundedVnd" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "failureReason" TEXT,
    "paidAt" DATETIME,
    "fulfilledAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServicePurchase_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServicePurchase_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ServicePurchase_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MajorProblem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "listId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sectorId" TEXT,
    "leadAgency" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'MEDIUM',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "ownerId" TEXT,
    "deadline" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MajorProblem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "MajorProblemList" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MajorProblem_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "TaxonomyTerm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MajorProblem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MajorProblem" ("code", "createdAt", "description", "id", "leadAgency", "listId", "priority", "sectorId", "sortOrder", "status", "title", "updatedAt") SELECT "code", "createdAt", "description", "id", "leadAgency", "listId", "priority", "sectorId", "sortOrder", "status", "title", "updatedAt" FROM "MajorProblem";
DROP TABLE "MajorProblem";
ALTER TABLE "new_MajorProblem" RENAME TO "MajorProblem";
CREATE UNIQUE INDEX "MajorProblem_listId_code_key" ON "MajorProblem"("listId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PlanSubscription_checkoutSessionId_key" ON "PlanSubscription"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSubscription_providerSubscriptionId_key" ON "PlanSubscription"("providerSubscriptionId");

-- CreateIndex
CREATE INDEX "PlanSubscription_organisationId_status_idx" ON "PlanSubscription"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePurchase_checkoutSessionId_key" ON "ServicePurchase"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePurchase_paymentIntentId_key" ON "ServicePurchase"("paymentIntentId");

-- CreateIndex
CREATE INDEX "ServicePurchase_organisationId_idx" ON "ServicePurchase"("organisationId");

-- CreateIndex
CREATE INDEX "ServicePurchase_status_idx" ON "ServicePurchase"("status");

-- CreateIndex
CREATE INDEX "Offer_createdAt_idx" ON "Offer"("createdAt");

-- CreateIndex
CREATE INDEX "Offer_publishedAt_idx" ON "Offer"("publishedAt");

