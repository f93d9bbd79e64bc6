-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "tags" TEXT,
ALTER COLUMN "trl" DROP NOT NULL,
ALTER COLUMN "deploymentModel" DROP NOT NULL;

