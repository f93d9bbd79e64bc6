-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT,
    "summaryVi" TEXT NOT NULL,
    "summaryEn" TEXT,
    "descriptionMd" TEXT NOT NULL,
    "trl" INTEGER NOT NULL,
    "deploymentModel" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "OfferTerm" (
    "offerId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,

    PRIMARY KEY ("offerId", "termId"),
    CONSTRAINT "OfferTerm_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferPackage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceVnd" BIGINT,
    "unit" TEXT NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OfferPackage_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OfferReference_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferMedia" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferMedia_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProblemStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "targetUsers" TEXT,
    "responsiblePerson" TEXT NOT NULL,
    "scopeOfWork" TEXT NOT NULL,
    "timeline" TEXT NOT NULL,
    "deadline" DATETIME,
    "accountableUnit" TEXT NOT NULL,
    "deliverable" TEXT NOT NULL,
    "successCriteria" TEXT NOT NULL,
    "decisionAuthority" TEXT NOT NULL,
    "dataAvailable" TEXT,
    "constraints" TEXT,
    "budgetMinVnd" BIGINT,
    "budgetMaxVnd" BIGINT,
    "desiredTrl" INTEGER,
    "proposalDeadline" DATETIME,
    "majorProblemId" TEXT,
    "outcome" TEXT,
    "submittedAt" DATETIME,
    "publishedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProblemStatement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProblemStatement_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "problemStatementId" TEXT NOT NULL,
    "askerOrganisationId" TEXT NOT NULL,
    "askerUserId" TEXT,
    "body" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Question_problemStatementId_fkey" FOREIGN KEY ("problemStatementId") REFERENCES "ProblemStatement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Question_askerOrganisationId_fkey" FOREIGN KEY ("askerOrganisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Question_askerUserId_fkey" FOREIGN KEY ("askerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Question_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "problemStatementId" TEXT,
    "majorProblemId" TEXT,
    "pitch" TEXT NOT NULL,
    "attachmentName" TEXT,
    "attachmentStored" TEXT,
    "attachmentMime" TEXT,
    "attachmentSize" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "declineReason" TEXT,
    "declineNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_problemStatementId_fkey" FOREIGN KEY ("problemStatementId") REFERENCES "ProblemStatement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Offer_slug_key" ON "Offer"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_externalId_key" ON "Offer"("externalId");

-- CreateIndex
CREATE INDEX "Offer_organisationId_idx" ON "Offer"("organisationId");

-- CreateIndex
CREATE INDEX "Offer_status_idx" ON "Offer"("status");

-- CreateIndex
CREATE INDEX "OfferTerm_termId_idx" ON "OfferTerm"("termId");

-- CreateIndex
CREATE INDEX "OfferPackage_offerId_idx" ON "OfferPackage"("offerId");

-- CreateIndex
CREATE INDEX "OfferReference_offerId_idx" ON "OfferReference"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferMedia_storedName_key" ON "OfferMedia"("storedName");

-- CreateIndex
CREATE INDEX "OfferMedia_offerId_idx" ON "OfferMedia"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemStatement_slug_key" ON "ProblemStatement"("slug");

-- CreateIndex
CREATE INDEX "ProblemStatement_organisationId_idx" ON "ProblemStatement"("organisationId");

-- CreateIndex
CREATE INDEX "ProblemStatement_status_idx" ON "ProblemStatement"("status");

-- CreateIndex
CREATE INDEX "ProblemStatement_majorProblemId_idx" ON "ProblemStatement"("majorProblemId");

-- CreateIndex
CREATE INDEX "Question_problemStatementId_idx" ON "Question"("problemStatementId");

-- CreateIndex
CREATE INDEX "Proposal_problemStatementId_idx" ON "Proposal"("problemStatementId");

-- CreateIndex
CREATE INDEX "Proposal_majorProblemId_idx" ON "Proposal"("majorProblemId");

-- CreateIndex
CREATE INDEX "Proposal_organisationId_idx" ON "Proposal"("organisationId");

