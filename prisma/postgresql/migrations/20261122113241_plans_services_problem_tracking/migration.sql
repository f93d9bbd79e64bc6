-- CreateEnum
CREATE TYPE "PlanTier" AS ENUM ('FREE', 'VERIFIED', 'PREMIUM');

-- CreateEnum
CREATE TYPE "BillingInterval" AS ENUM ('MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "PlanSubscriptionStatus" AS ENUM ('INCOMPLETE', 'ACTIVE', 'PAST_DUE', 'CANCELED');

-- CreateEnum
CREATE TYPE "PlatformServiceKind" AS ENUM ('TECHNOLOGY_VALUATION', 'FEATURED_PLACEMENT');

-- AlterTable
ALTER TABLE "MajorProblem" ADD COLUMN     "deadline" TIMESTAMP(3),
ADD COLUMN     "ownerId" TEXT;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "featuredUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PlanSubscription" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "tier" "PlanTier" NOT NULL,
    "interval" "BillingInterval" NOT NULL,
    "status" "PlanSubscriptionStatus" NOT NULL DEFAULT 'INCOMPLETE',
    "amountVnd" BIGINT NOT NULL,
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "providerSubscriptionId" TEXT,
    "providerCustomerId" TEXT,
    "currentPeriodEnd" TIMESTAMP(3),
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "startedById" TEXT,
    "canceledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePurchase" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "kind" "PlatformServiceKind" NOT NULL,
    "offerId" TEXT,
    "days" INTEGER,
    "amountVnd" BIGINT NOT NULL,
    "amountPaidVnd" BIGINT,
    "amountRefundedVnd" BIGINT NOT NULL DEFAULT 0,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "failureReason" TEXT,
    "paidAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServicePurchase_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "MajorProblem" ADD CONSTRAINT "MajorProblem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSubscription" ADD CONSTRAINT "PlanSubscription_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSubscription" ADD CONSTRAINT "PlanSubscription_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePurchase" ADD CONSTRAINT "ServicePurchase_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePurchase" ADD CONSTRAINT "ServicePurchase_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePurchase" ADD CONSTRAINT "ServicePurchase_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

