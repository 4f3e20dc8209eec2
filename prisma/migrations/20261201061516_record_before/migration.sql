-- CreateTable
CREATE TABLE "RecordBefore" (
    "id" BIGSERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "shopifyGid" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "restoreFailedAt" TIMESTAMP(3),
    "restoreError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordBefore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordBefore_shop_migrationId_idx" ON "RecordBefore"("shop", "migrationId");

-- CreateIndex
CREATE UNIQUE INDEX "RecordBefore_shop_shopifyGid_key" ON "RecordBefore"("shop", "shopifyGid");
