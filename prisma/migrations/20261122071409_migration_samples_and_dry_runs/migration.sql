-- CreateTable
CREATE TABLE "MigrationSample" (
    "id" BIGSERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "written" INTEGER NOT NULL,

    CONSTRAINT "MigrationSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DryRun" (
    "migrationId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "checked" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DryRun_pkey" PRIMARY KEY ("migrationId")
);

-- CreateTable
CREATE TABLE "DryRunRefusal" (
    "id" BIGSERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "DryRunRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MigrationSample_migrationId_at_idx" ON "MigrationSample"("migrationId", "at");

-- CreateIndex
CREATE INDEX "MigrationSample_shop_idx" ON "MigrationSample"("shop");

-- CreateIndex
CREATE INDEX "DryRun_shop_idx" ON "DryRun"("shop");

-- CreateIndex
CREATE INDEX "DryRunRefusal_migrationId_id_idx" ON "DryRunRefusal"("migrationId", "id");

-- CreateIndex
CREATE INDEX "DryRunRefusal_shop_idx" ON "DryRunRefusal"("shop");
