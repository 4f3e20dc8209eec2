import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from '../seed.ts';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type Answer, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  await seedProducts(devstore.pool, shop.domain, 300, 2);
});
afterAll(() => devstore.stop());

const RUN = `mutation($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status type } userErrors { field message code } } }`;

describe('bulkOperationRunQuery', () => {
  it('exports every product and its variants as JSONL, variants linked by __parentId', async () => {
    const query =
      '{ products(query: "tag:seeded") { edges { node { id handle variants { edges { node { id sku } } } } } } }';
    const { body } = await admin(devstore, shop, RUN, { query });
    expect(body.data.bulkOperationRunQuery).toMatchObject({
      bulkOperation: { status: 'CREATED', type: 'QUERY' },
      userErrors: [],
    });
    await devstore.bulkSettled();
    const done = await admin(
      devstore,
      shop,
      'query($id: ID!) { bulkOperation(id: $id) { status objectCount rootObjectCount url } }',
      { id: body.data.bulkOperationRunQuery.bulkOperation.id },
    );
    expect(done.body.data.bulkOperation).toMatchObject({
      status: 'COMPLETED',
      objectCount: '900',
      rootObjectCount: '300',
    });
    const lines = (await (await fetch(done.body.data.bulkOperation.url)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer);
    expect(lines[0]).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Product\//), handle: 'seeded-1' });
    expect(lines[1]).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\//),
      sku: 'seeded-1-1',
      __parentId: lines[0].id,
    });
    expect(lines[2]).toMatchObject({ sku: 'seeded-1-2', __parentId: lines[0].id });
    expect(lines.filter((line) => !line.__parentId)).toHaveLength(300);
    const current = await admin(devstore, shop, '{ currentBulkOperation(type: QUERY) { status } }');
    expect(current.body.data.currentBulkOperation).toEqual({ status: 'COMPLETED' });
  });

  it('refuses a query whose top-level field is not a connection', async () => {
    const { body } = await admin(devstore, shop, RUN, { query: '{ shop { name } }' });
    expect(body.data.bulkOperationRunQuery.userErrors).toEqual([
      {
        field: ['query'],
        message: 'Bulk queries must contain at least one connection, as their one top-level field.',
        code: 'INVALID',
      },
    ]);
  });

  it('requires the parent id when connections are nested', async () => {
    const { body } = await admin(devstore, shop, RUN, {
      query: '{ products { nodes { handle variants { nodes { sku } } } } }',
    });
    expect(body.data.bulkOperationRunQuery.userErrors[0].code).toBe('INVALID');
  });
});
