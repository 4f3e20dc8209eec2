-- AlterTable
ALTER TABLE "IdMapEntry" ADD COLUMN     "handle" TEXT;
