-- AlterTable
ALTER TABLE "Migration" ADD COLUMN     "invitations" JSONB;

-- CreateTable
CREATE TABLE "CustomerInvitation" (
    "id" BIGSERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerInvitation_shop_migrationId_idx" ON "CustomerInvitation"("shop", "migrationId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerInvitation_shop_customerGid_key" ON "CustomerInvitation"("shop", "customerGid");
