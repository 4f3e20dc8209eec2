-- AlterTable
ALTER TABLE "DryRun" ADD COLUMN     "cut" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "DryRunRefusal" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'refused';
