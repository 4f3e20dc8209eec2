-- AlterTable
ALTER TABLE "IdMapEntry" ADD COLUMN     "publishedOn" TEXT[] DEFAULT ARRAY[]::TEXT[];
