-- CreateTable
CREATE TABLE "BulkBatch" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "operationId" TEXT,
    "recordIds" BIGINT[],
    "lastRecordId" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BulkBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkBatch_migrationId_idx" ON "BulkBatch"("migrationId");

-- CreateIndex
CREATE INDEX "BulkBatch_shop_idx" ON "BulkBatch"("shop");
