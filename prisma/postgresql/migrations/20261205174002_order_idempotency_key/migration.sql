-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Order_buyerUserId_idempotencyKey_key" ON "Order"("buyerUserId", "idempotencyKey");

