-- AlterTable
ALTER TABLE "MigrationProblem" ADD COLUMN     "subject" TEXT;
