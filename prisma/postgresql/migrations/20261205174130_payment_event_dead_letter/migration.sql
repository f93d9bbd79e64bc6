-- AlterTable
ALTER TABLE "PaymentEvent" ADD COLUMN     "deadLetteredAt" TIMESTAMP(3);

