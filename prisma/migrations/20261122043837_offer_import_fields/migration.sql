-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT,
    "summaryVi" TEXT NOT NULL,
    "summaryEn" TEXT,
    "descriptionMd" TEXT NOT NULL,
    "trl" INTEGER,
    "deploymentModel" TEXT,
    "tags" TEXT,
    "ipStatus" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "evidenceLevel" TEXT NOT NULL DEFAULT 'SELF_DECLARED',
    "reviewNote" TEXT,
    "pendingRevision" TEXT,
    "externalId" TEXT,
    "submittedAt" DATETIME,
    "publishedAt" DATETIME,
    "contentUpdatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staleRemindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Offer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Offer" ("contactEmail", "contactName", "contactPhone", "contentUpdatedAt", "createdAt", "deploymentModel", "descriptionMd", "evidenceLevel", "externalId", "id", "ipStatus", "organisationId", "pendingRevision", "publishedAt", "reviewNote", "slug", "staleRemindedAt", "status", "submittedAt", "summaryEn", "summaryVi", "titleEn", "titleVi", "trl", "updatedAt") SELECT "contactEmail", "contactName", "contactPhone", "contentUpdatedAt", "createdAt", "deploymentModel", "descriptionMd", "evidenceLevel", "externalId", "id", "ipStatus", "organisationId", "pendingRevision", "publishedAt", "reviewNote", "slug", "staleRemindedAt", "status", "submittedAt", "summaryEn", "summaryVi", "titleEn", "titleVi", "trl", "updatedAt" FROM "Offer";
DROP TABLE "Offer";
ALTER TABLE "new_Offer" RENAME TO "Offer";
CREATE UNIQUE INDEX "Offer_slug_key" ON "Offer"("slug");
CREATE UNIQUE INDEX "Offer_externalId_key" ON "Offer"("externalId");
CREATE INDEX "Offer_organisationId_idx" ON "Offer"("organisationId");
CREATE INDEX "Offer_status_idx" ON "Offer"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

