-- AlterTable
ALTER TABLE "MigrationEntity" ADD COLUMN     "unchanged" INTEGER NOT NULL DEFAULT 0;
