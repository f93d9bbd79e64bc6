-- AlterTable
ALTER TABLE "MajorProblemList" ADD COLUMN     "nameEn" TEXT,
ADD COLUMN     "summary" TEXT,
ADD COLUMN     "summaryEn" TEXT;

-- AlterTable
ALTER TABLE "MajorProblem" ADD COLUMN     "summaryEn" TEXT,
ADD COLUMN     "titleEn" TEXT;

-- AlterTable
ALTER TABLE "MajorProblemVersionItem" ADD COLUMN     "summaryEn" TEXT,
ADD COLUMN     "titleEn" TEXT;

-- AlterTable
ALTER TABLE "ProblemStatement" ADD COLUMN     "summaryEn" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "buyerAddress" TEXT,
ADD COLUMN     "buyerName" TEXT,
ADD COLUMN     "buyerTaxCode" TEXT,
ADD COLUMN     "number" TEXT,
ADD COLUMN     "sellerAddress" TEXT,
ADD COLUMN     "sellerName" TEXT,
ADD COLUMN     "sellerTaxCode" TEXT,
ADD COLUMN     "vatPercent" INTEGER NOT NULL DEFAULT 10;

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

