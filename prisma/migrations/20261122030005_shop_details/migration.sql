-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "currencyCode" TEXT,
ADD COLUMN     "ianaTimezone" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "partnerDevelopment" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "planName" TEXT,
ADD COLUMN     "shopifyPlus" BOOLEAN NOT NULL DEFAULT false;
