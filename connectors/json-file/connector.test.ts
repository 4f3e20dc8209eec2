// The JSON-file source: reads its fixture a page at a time, describes it, and says in words why a
// file cannot be read; offered only in tests and development.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { offeredPlatform, sourcePlatforms } from '../registry.ts';
import { createConnector } from '../registry.server.ts';

const FIXTURE = fileURLToPath(new URL('./fake/store.json', import.meta.url));

describe('the JSON-file source', () => {
  it('is offered in tests, as a file source', () => {
    expect(offeredPlatform('json-file')).toMatchObject({ availability: 'development', connection: 'file' });
    expect(sourcePlatforms().map((platform) => platform.id)).toContain('json-file');
  });

  it('describes the file: no address, its store name and currency, the records it holds', async () => {
    const check = await createConnector('json-file', { file: FIXTURE }).testConnection();
    expect(check).toEqual({
      ok: true,
      description: {
        platform: 'json-file',
        version: null,
        url: null,
        name: 'Atelier JSON',
        currency: 'EUR',
        counts: { products: 4, customers: 2 },
      },
    });
  });

  it('hands on each record as it is, and keeps one without a source id with the reason', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'json-file-')), 'store.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        records: { customers: [{ sourceId: 'c1', email: 'a@example.com' }, { email: 'nobody@example.com' }] },
      }),
    );
    const page = await createConnector('json-file', { file }).extract('customers', null);
    expect(page).toEqual({
      records: [
        {
          ok: true,
          sourceId: 'c1',
          record: { sourceId: 'c1', email: 'a@example.com' },
          raw: { sourceId: 'c1', email: 'a@example.com' },
        },
        { ok: false, sourceId: null, reason: 'The record has no sourceId', raw: { email: 'nobody@example.com' } },
      ],
      nextCursor: null,
      total: 2,
    });
    expect((await createConnector('json-file', { file }).extract('orders', null)).records).toEqual([]);
  });

  it('pages by 50 from an opaque cursor, and reads only what changed after a date when asked', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'json-file-')), 'store.json');
    const customers = Array.from({ length: 120 }, (_, index) => ({
      sourceId: `c${index}`,
      email: `c${index}@example.com`,
      updatedAt: `2026-11-${index < 100 ? '01' : '20'}T00:00:00Z`,
    }));
    fs.writeFileSync(file, JSON.stringify({ records: { customers } }));
    const connector = createConnector('json-file', { file });
    const first = await connector.extract('customers', null);
    const last = await connector.extract(
      'customers',
      (await connector.extract('customers', first.nextCursor)).nextCursor,
    );
    expect([first.records.length, last.records.length, last.nextCursor, last.records.at(-1)?.sourceId]).toEqual([
      50,
      20,
      null,
      'c119',
    ]);
    expect(
      (await connector.extract('customers', null, { modifiedAfter: new Date('2026-11-10T00:00:00Z') })).records.map(
        (record) => record.sourceId,
      ),
    ).toHaveLength(20);
  });

  it('says why a file cannot be read, about the file field', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'json-file-'));
    fs.writeFileSync(path.join(folder, 'notes.json'), 'not json');
    expect(
      await createConnector('json-file', { file: path.join(folder, 'missing.json') }).testConnection(),
    ).toMatchObject({ ok: false, problem: 'unreachable', message: expect.stringContaining('ENOENT') });
    expect(await createConnector('json-file', { file: path.join(folder, 'notes.json') }).testConnection()).toEqual({
      ok: false,
      problem: 'not-the-platform',
      message: 'notes.json is not JSON.',
    });
    expect(offeredPlatform('json-file')?.problemField.unreachable).toBe('file');
    expect(() => createConnector('json-file', { file: ' ' })).toThrow(/path of a JSON file/);
  });
});
