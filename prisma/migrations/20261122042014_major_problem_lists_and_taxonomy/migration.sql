-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "after" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "before" TEXT;

-- CreateTable
CREATE TABLE "TaxonomyTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MajorProblemList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decisionDate" DATETIME NOT NULL,
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MajorProblem" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MajorProblem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "MajorProblemList" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MajorProblem_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "TaxonomyTerm" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MajorProblemListVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "listId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "changelog" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    CONSTRAINT "MajorProblemListVersion_listId_fkey" FOREIGN KEY ("listId") REFERENCES "MajorProblemList" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MajorProblemListVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MajorProblemVersionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "majorProblemId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sectorSlug" TEXT,
    "sectorNameVi" TEXT,
    "sectorNameEn" TEXT,
    "leadAgency" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "MajorProblemVersionItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "MajorProblemListVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TaxonomyTerm_kind_slug_key" ON "TaxonomyTerm"("kind", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "MajorProblemList_slug_key" ON "MajorProblemList"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "MajorProblem_listId_code_key" ON "MajorProblem"("listId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "MajorProblemListVersion_listId_number_key" ON "MajorProblemListVersion"("listId", "number");

-- CreateIndex
CREATE INDEX "MajorProblemVersionItem_majorProblemId_idx" ON "MajorProblemVersionItem"("majorProblemId");

-- CreateIndex
CREATE UNIQUE INDEX "MajorProblemVersionItem_versionId_code_key" ON "MajorProblemVersionItem"("versionId", "code");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

