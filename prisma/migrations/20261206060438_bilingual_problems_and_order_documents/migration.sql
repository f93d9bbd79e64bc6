-- AlterTable
ALTER TABLE "MajorProblemList" ADD COLUMN "nameEn" TEXT;
ALTER TABLE "MajorProblemList" ADD COLUMN "summary" TEXT;
ALTER TABLE "MajorProblemList" ADD COLUMN "summaryEn" TEXT;

-- AlterTable
ALTER TABLE "MajorProblem" ADD COLUMN "summaryEn" TEXT;
ALTER TABLE "MajorProblem" ADD COLUMN "titleEn" TEXT;

-- AlterTable
ALTER TABLE "MajorProblemVersionItem" ADD COLUMN "summaryEn" TEXT;
ALTER TABLE "MajorProblemVersionItem" ADD COLUMN "titleEn" TEXT;

-- AlterTable
ALTER TABLE "ProblemStatement" ADD COLUMN "summaryEn" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "buyerOrganisationId" TEXT NOT NULL,
    "buyerUserId" TEXT,
    "providerOrganisationId" TEXT NOT NULL,
    "offerId" TEXT,
    "packageId" TEXT,
    "offerTitle" TEXT NOT NULL,
    "packageName" TEXT NOT NULL,
    "packageUnit" TEXT NOT NULL,
    "unitPriceVnd" BIGINT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "amountVnd" BIGINT NOT NULL,
    "amountPaidVnd" BIGINT,
    "amountRefundedVnd" BIGINT NOT NULL DEFAULT 0,
    "platformFeePercent" INTEGER,
    "platformFeeVnd" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "idempotencyKey" TEXT,
    "number" TEXT,
    "vatPercent" INTEGER NOT NULL DEFAULT 10,
    "buyerName" TEXT,
    "buyerTaxCode" TEXT,
    "buyerAddress" TEXT,
    "sellerName" TEXT,
    "sellerTaxCode" TEXT,
    "sellerAddress" TEXT,
    "failureReason" TEXT,
    "paidAt" DATETIME,
    "fulfilledAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_buyerOrganisationId_fkey" FOREIGN KEY ("buyerOrganisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_buyerUserId_fkey" FOREIGN KEY ("buyerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_providerOrganisationId_fkey" FOREIGN KEY ("providerOrganisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "OfferPackage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("amountPaidVnd", "amountRefundedVnd", "amountVnd", "buyerOrganisationId", "buyerUserId", "cancelledAt", "checkoutSessionId", "checkoutUrl", "createdAt", "failureReason", "fulfilledAt", "id", "idempotencyKey", "offerId", "offerTitle", "packageId", "packageName", "packageUnit", "paidAt", "paymentIntentId", "platformFeePercent", "platformFeeVnd", "providerOrganisationId", "quantity", "status", "unitPriceVnd", "updatedAt") SELECT "amountPaidVnd", "amountRefundedVnd", "amountVnd", "buyerOrganisationId", "buyerUserId", "cancelledAt", "checkoutSessionId", "checkoutUrl", "createdAt", "failureReason", "fulfilledAt", "id", "idempotencyKey", "offerId", "offerTitle", "packageId", "packageName", "packageUnit", "paidAt", "paymentIntentId", "platformFeePercent", "platformFeeVnd", "providerOrganisationId", "quantity", "status", "unitPriceVnd", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_checkoutSessionId_key" ON "Order"("checkoutSessionId");
CREATE UNIQUE INDEX "Order_paymentIntentId_key" ON "Order"("paymentIntentId");
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE INDEX "Order_buyerOrganisationId_idx" ON "Order"("buyerOrganisationId");
CREATE INDEX "Order_providerOrganisationId_idx" ON "Order"("providerOrganisationId");
CREATE INDEX "Order_status_idx" ON "Order"("status");
CREATE INDEX "Order_paidAt_idx" ON "Order"("paidAt");
CREATE UNIQUE INDEX "Order_buyerUserId_idempotencyKey_key" ON "Order"("buyerUserId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

