// Turns a change to prisma/schema.prisma into migration SQL with Prisma's schema engine compiled to
// WebAssembly (shipped in the @prisma/schema-engine-wasm npm package), so no native engine
// download is needed (docs/decisions/0002-offline-migrations.md).
//
// Each migration folder keeps the schema.prisma it brings the database to; the next migration is
// the difference between the newest of those and the current schema. Comparing two datamodels
// needs no database.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_FILE = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

/** The schema the newest migration brings the database to, or null when there is none. */
export function migratedSchema(dir = MIGRATIONS_DIR): { name: string; schema: string } | null {
  if (!fs.existsSync(dir)) return null;
  const newest = fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'schema.prisma')))
    .sort()
    .at(-1);
  return newest ? { name: newest, schema: fs.readFileSync(path.join(dir, newest, 'schema.prisma'), 'utf8') } : null;
}

/**
 * SQL that takes a database from `from` (null: empty) to `to`; empty when they agree. The engine
 * insists on a reachable database when it starts, though comparing two datamodels never queries it.
 */
export async function diffSchemas(from: string | null, to: string, databaseUrl: string): Promise<string> {
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => {}, adapter);
  try {
    const filters = { externalTables: [], externalEnums: [] };
    const result = await engine.diff({
      from:
        from === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = result.stdout ?? '';
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
  } finally {
    engine.free();
  }
}

/** SQL for the changes to prisma/schema.prisma that no migration covers yet. */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  return diffSchemas(migratedSchema()?.schema ?? null, fs.readFileSync(SCHEMA_FILE, 'utf8'), databaseUrl);
}
