// Extraction into staging, against an in-memory source that implements the SourceConnector
// interface (the WooCommerce connector has its own tests against the WooCommerce test server).
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../connectors/model.ts';
import {
  type Extracted,
  type ExtractedPage,
  SourceError,
  type SourceConnector,
} from '../../../connectors/source-connector.ts';
import { db } from '../../db/db.server.ts';
import { extractNextPage } from './extract.server.ts';

const SHOP = 'extract.myshopify.com';

function product(id: number, overrides: Record<string, unknown> = {}) {
  return {
    sourceId: String(id),
    sourceType: 'simple',
    title: `Mug ${id}`,
    handle: `mug-${id}`,
    status: 'active',
    options: [],
    variants: [{ sourceId: `${id}`, sku: `MUG-${id}`, price: '12.50', optionValues: [], inventoryQuantity: 3 }],
    ...overrides,
  };
}

/** A source with `pages` of records, two records a page, that can be told to fail. */
function memorySource(pages: Extracted[][], failWith?: SourceError): SourceConnector & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  return {
    platform: 'memory',
    calls,
    testConnection: async () => ({ ok: false, problem: 'unreachable', message: 'not used' }),
    describe: async () => ({
      platform: 'memory',
      version: null,
      url: 'memory:',
      name: null,
      currency: null,
      counts: {},
    }),
    extract: async (_entity: Entity, cursor: string | null): Promise<ExtractedPage> => {
      calls.push(cursor);
      if (failWith) throw failWith;
      const index = cursor === null ? 0 : Number(cursor);
      return {
        records: pages[index] ?? [],
        nextCursor: index + 1 < pages.length ? String(index + 1) : null,
        total: pages.flat().length,
      };
    },
  };
}

const ok = (record: ReturnType<typeof product>): Extracted => ({
  ok: true,
  sourceId: record.sourceId,
  record,
  raw: { id: record.sourceId },
});

async function jobs(): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ identifier: string; key: string }>(
    'SELECT t.identifier, j.key FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY j.id',
  );
  await client.end();
  return rows.map((row) => `${row.identifier} ${row.key}`);
}

let migrationId: string;
beforeEach(async () => {
  await db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs');
  const migration = await db().migration.create({
    data: { shop: SHOP, sourcePlatform: 'memory', status: 'running', phase: 'extracting', entities: ['products'] },
  });
  migrationId = migration.id;
});

describe('extract', () => {
  it('stages a page, saves the cursor and queues the next page in the same transaction', async () => {
    const source = memorySource([[ok(product(1)), ok(product(2))], [ok(product(3))]]);
    expect(await extractNextPage(migrationId, 'products', source)).toBe('page-staged');
    const progress = await db().migrationEntity.findUniqueOrThrow({
      where: { migrationId_entity: { migrationId, entity: 'products' } },
    });
    expect(progress).toMatchObject({
      extractCursor: '1',
      extractDone: false,
      extracted: 2,
      invalid: 0,
      sourceTotal: 3,
    });
    expect(await jobs()).toEqual([`migration-extract migration-extract:${migrationId}:products`]);

    expect(await extractNextPage(migrationId, 'products', source)).toBe('all-done');
    expect(source.calls).toEqual([null, '1']);
    expect(await db().sourceRecord.count({ where: { migrationId, status: 'staged' } })).toBe(3);
    expect((await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).phase).toBe('analyzing');
    expect(await jobs()).toContain(`migration-analyze migration-analyze:${migrationId}`);
  });

  it('keeps a record the connector could not read, and one that does not fit the model, with the reason', async () => {
    const unreadable: Extracted = {
      ok: false,
      sourceId: '7',
      reason: 'regular_price "12,50" is not a number',
      raw: { id: 7 },
    };
    const anonymous: Extracted = { ok: false, sourceId: null, reason: 'the record has no id', raw: {} };
    const misfit = ok(product(8, { variants: [] }));
    await extractNextPage(migrationId, 'products', memorySource([[ok(product(6)), unreadable, anonymous, misfit]]));
    const rows = await db().sourceRecord.findMany({ where: { migrationId }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.sourceId, row.status, row.reason])).toEqual([
      ['6', 'staged', null],
      ['7', 'invalid', 'regular_price "12,50" is not a number'],
      ['unidentified:first:2', 'invalid', 'the record has no id'],
      ['8', 'invalid', 'variants: Too small: expected array to have >=1 items'],
    ]);
    expect(
      await db().migrationEntity.findUniqueOrThrow({
        where: { migrationId_entity: { migrationId, entity: 'products' } },
      }),
    ).toMatchObject({ extracted: 1, invalid: 3 });
  });

  it('re-reading an unchanged record leaves it written; a changed one goes back to staged', async () => {
    await extractNextPage(migrationId, 'products', memorySource([[ok(product(1)), ok(product(2))]]));
    await db().sourceRecord.updateMany({ where: { migrationId }, data: { status: 'written' } });
    // Reading again from the start, as a re-sync does.
    await db().migration.update({ where: { id: migrationId }, data: { phase: 'extracting' } });
    await db().migrationEntity.update({
      where: { migrationId_entity: { migrationId, entity: 'products' } },
      data: { extractDone: false, extractCursor: null },
    });
    await extractNextPage(
      migrationId,
      'products',
      memorySource([[ok(product(1)), ok(product(2, { title: 'Mug 2, now blue' }))]]),
    );
    const rows = await db().sourceRecord.findMany({ where: { migrationId }, orderBy: { sourceId: 'asc' } });
    expect(rows.map((row) => [row.sourceId, row.status])).toEqual([
      ['1', 'written'],
      ['2', 'staged'],
    ]);
    expect(rows).toHaveLength(2);
  });

  it('stops the migration with the source’s message when the credentials are refused, and does nothing while paused', async () => {
    const refused = memorySource(
      [],
      new SourceError(
        'wrong-credentials',
        'WooCommerce refused the API keys (401). Check the consumer key and secret.',
      ),
    );
    expect(await extractNextPage(migrationId, 'products', refused)).toBe('failed');
    expect(await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).toMatchObject({
      status: 'failed',
      error:
        'Reading products from the source store failed: WooCommerce refused the API keys (401). Check the consumer key and secret.',
    });
    expect(await extractNextPage(migrationId, 'products', memorySource([[ok(product(1))]]))).toBe('not-running');
  });

  it('lets the queue retry when the source is unreachable', async () => {
    const down = memorySource([], new SourceError('unreachable', 'connection refused'));
    await expect(extractNextPage(migrationId, 'products', down)).rejects.toThrow('connection refused');
    expect((await db().migration.findUniqueOrThrow({ where: { id: migrationId } })).status).toBe('running');
  });
});
