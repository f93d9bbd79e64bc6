-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'CHANGES_REQUESTED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DeploymentModel" AS ENUM ('SAAS', 'ON_PREMISE', 'HARDWARE', 'SERVICE');

-- CreateEnum
CREATE TYPE "EvidenceLevel" AS ENUM ('SELF_DECLARED', 'DOCUMENTS_VERIFIED', 'REFERENCE_CONFIRMED', 'SANDBOX_TESTED');

-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('LOGO', 'IMAGE', 'BROCHURE');

-- CreateEnum
CREATE TYPE "ProblemStatementStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('RECEIVED', 'SHORTLISTED', 'DECLINED', 'SELECTED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('OUT_OF_SCOPE', 'TRL_TOO_LOW', 'OVER_BUDGET', 'INCOMPLETE', 'DUPLICATE', 'OTHER');

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'DRAFT',
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT,
    "summaryVi" TEXT NOT NULL,
    "summaryEn" TEXT,
    "descriptionMd" TEXT NOT NULL,
    "trl" INTEGER NOT NULL,
    "deploymentModel" "DeploymentModel" NOT NULL,
    "ipStatus" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "evidenceLevel" "EvidenceLevel" NOT NULL DEFAULT 'SELF_DECLARED',
    "reviewNote" TEXT,
    "pendingRevision" TEXT,
    "externalId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "contentUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staleRemindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferTerm" (
    "offerId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,

    CONSTRAINT "OfferTerm_pkey" PRIMARY KEY ("offerId","termId")
);

-- CreateTable
CREATE TABLE "OfferPackage" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceVnd" BIGINT,
    "unit" TEXT NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OfferPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferReference" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OfferReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferMedia" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "storedName" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferMedia_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemStatement" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "ProblemStatementStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "targetUsers" TEXT,
    "responsiblePerson" TEXT NOT NULL,
    "scopeOfWork" TEXT NOT NULL,
    "timeline" TEXT NOT NULL,
    "deadline" TIMESTAMP(3),
    "accountableUnit" TEXT NOT NULL,
    "deliverable" TEXT NOT NULL,
    "successCriteria" TEXT NOT NULL,
    "decisionAuthority" TEXT NOT NULL,
    "dataAvailable" TEXT,
    "constraints" TEXT,
    "budgetMinVnd" BIGINT,
    "budgetMaxVnd" BIGINT,
    "desiredTrl" INTEGER,
    "proposalDeadline" TIMESTAMP(3),
    "majorProblemId" TEXT,
    "outcome" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProblemStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "problemStatementId" TEXT NOT NULL,
    "askerOrganisationId" TEXT NOT NULL,
    "askerUserId" TEXT,
    "body" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "problemStatementId" TEXT,
    "majorProblemId" TEXT,
    "pitch" TEXT NOT NULL,
    "attachmentName" TEXT,
    "attachmentStored" TEXT,
    "attachmentMime" TEXT,
    "attachmentSize" INTEGER,
    "status" "ProposalStatus" NOT NULL DEFAULT 'RECEIVED',
    "declineReason" "DeclineReason",
    "declineNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTerm" ADD CONSTRAINT "OfferTerm_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTerm" ADD CONSTRAINT "OfferTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPackage" ADD CONSTRAINT "OfferPackage_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferReference" ADD CONSTRAINT "OfferReference_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferMedia" ADD CONSTRAINT "OfferMedia_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemStatement" ADD CONSTRAINT "ProblemStatement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemStatement" ADD CONSTRAINT "ProblemStatement_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_problemStatementId_fkey" FOREIGN KEY ("problemStatementId") REFERENCES "ProblemStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_askerOrganisationId_fkey" FOREIGN KEY ("askerOrganisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_askerUserId_fkey" FOREIGN KEY ("askerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_problemStatementId_fkey" FOREIGN KEY ("problemStatementId") REFERENCES "ProblemStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

