-- AlterTable
ALTER TABLE "Migration" ADD COLUMN     "writing" JSONB NOT NULL DEFAULT '{}';
