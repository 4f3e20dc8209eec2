// The Prisma client for Shipyard's own tables. Created on first use, because the database URL is
// only known once the embedded PostgreSQL (or DATABASE_URL) has been resolved at start-up.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };

const holder = globalThis as typeof globalThis & { shipyardPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.shipyardPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString)
      throw new Error('DATABASE_URL is not set: open the database (app/db/database.server.ts) before using it.');
    holder.shipyardPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  }
  return holder.shipyardPrisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.shipyardPrisma?.$disconnect();
  holder.shipyardPrisma = undefined;
}
