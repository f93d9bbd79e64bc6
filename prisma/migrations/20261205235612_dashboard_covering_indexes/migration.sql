-- DropIndex
DROP INDEX "Offer_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Offer_publishedAt_submittedAt_idx" ON "Offer"("publishedAt", "submittedAt");

-- CreateIndex
CREATE INDEX "Offer_id_publishedAt_idx" ON "Offer"("id", "publishedAt");

