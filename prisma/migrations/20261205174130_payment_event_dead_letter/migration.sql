-- AlterTable
ALTER TABLE "PaymentEvent" ADD COLUMN "deadLetteredAt" DATETIME;

