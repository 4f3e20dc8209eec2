-- AlterTable
ALTER TABLE "Migration" ADD COLUMN     "nextResyncAt" TIMESTAMP(3),
ADD COLUMN     "resyncEvery" TEXT,
ADD COLUMN     "resyncOf" TEXT,
ADD COLUMN     "undo" JSONB;

-- AlterTable
ALTER TABLE "IdMapEntry" ADD COLUMN     "createdBy" TEXT;

-- CreateIndex
CREATE INDEX "Migration_resyncOf_idx" ON "Migration"("resyncOf");

-- CreateIndex
CREATE INDEX "Migration_nextResyncAt_idx" ON "Migration"("nextResyncAt");

-- CreateIndex
CREATE INDEX "IdMapEntry_shop_createdBy_entity_id_idx" ON "IdMapEntry"("shop", "createdBy", "entity", "id");
