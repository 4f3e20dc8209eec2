-- AlterTable
ALTER TABLE "Migration" ADD COLUMN     "entities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "error" TEXT,
ADD COLUMN     "options" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "phase" TEXT NOT NULL DEFAULT 'draft',
ADD COLUMN     "plan" JSONB,
ADD COLUMN     "sourceCredentials" TEXT,
ADD COLUMN     "verification" JSONB;

-- AlterTable
ALTER TABLE "SourceRecord" ADD COLUMN     "contentHash" TEXT;

-- CreateTable
CREATE TABLE "MigrationEntity" (
    "migrationId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "extractCursor" TEXT,
    "extractDone" BOOLEAN NOT NULL DEFAULT false,
    "sourceTotal" INTEGER,
    "extracted" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "written" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MigrationEntity_pkey" PRIMARY KEY ("migrationId","entity")
);

-- CreateTable
CREATE TABLE "MigrationProblem" (
    "id" BIGSERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "sourceId" TEXT,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MigrationProblem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MigrationEntity_shop_idx" ON "MigrationEntity"("shop");

-- CreateIndex
CREATE INDEX "MigrationProblem_migrationId_code_idx" ON "MigrationProblem"("migrationId", "code");

-- CreateIndex
CREATE INDEX "MigrationProblem_shop_idx" ON "MigrationProblem"("shop");

-- CreateIndex
CREATE INDEX "SourceRecord_migrationId_entity_status_id_idx" ON "SourceRecord"("migrationId", "entity", "status", "id");
