import { describe, expect, it } from 'vitest';
import { diffSchemas, migratedSchema, pendingSchemaChanges } from './schema-diff.ts';

describe('migrations and schema.prisma', () => {
  it('agree: every change to schema.prisma has its migration (npm run db:migration -- <name>)', async () => {
    expect(await pendingSchemaChanges(process.env.DATABASE_URL as string)).toBe('');
  });

  it('the diff turns a new column into the SQL Prisma would write', async () => {
    const current = migratedSchema();
    expect(current).not.toBeNull();
    const changed = (current?.schema ?? '').replace('model Shop {', 'model Shop {\n  launchedAt DateTime?');
    const sql = await diffSchemas(current?.schema ?? null, changed, process.env.DATABASE_URL as string);
    expect(sql).toContain('ALTER TABLE "Shop" ADD COLUMN     "launchedAt" TIMESTAMP(3);');
  });
});
