import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdminSchema } from '../../admin-api/schema.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, createShop, startTestDevstore } from '../../devstore/testing.ts';
import { type AdminClient, createAdminClient } from './client.server.ts';
import { DELETERS, deleteObject, gidType } from './deleters.server.ts';

describe('undo deleters', () => {
  it('are valid operations on the pinned Admin schema', () => {
    const schema = loadAdminSchema();
    for (const [type, deleter] of Object.entries(DELETERS)) {
      expect(validate(schema, parse(deleter.mutation)).map((error) => `${type}: ${error.message}`)).toEqual([]);
    }
  });

  it('choose by the GID type', () => {
    expect(gidType('gid://shopify/Product/12')).toBe('Product');
    expect(gidType('gid://shopify/DiscountCodeNode/3')).toBe('DiscountCodeNode');
    expect(gidType('not a gid')).toBeNull();
  });
});

describe('undo deleting a file', () => {
  let devstore: Devstore;
  let shop: TestShop;
  let client: AdminClient;

  beforeAll(async () => {
    devstore = await startTestDevstore();
    shop = await createShop(devstore);
    client = createAdminClient({
      shop: shop.domain,
      accessToken: shop.accessToken,
      endpoint: devstore.url,
      headers: { 'X-Devstore-Shop': shop.domain },
    });
  });
  afterAll(() => devstore.stop());

  it('deletes a file Shipyard uploaded, and counts one deleted in Shopify since as gone, not deleted', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { fileCreate(files: [{ originalSource: "https://old.example.com/wp-content/uploads/a.png", contentType: IMAGE }]) { files { id } userErrors { code } } }',
    );
    const id = created.body.data.fileCreate.files[0].id as string;
    expect(await deleteObject(client, id)).toEqual({ outcome: 'deleted' });
    // fileDelete answers deletedFileIds: [] beside FILE_DOES_NOT_EXIST: an empty list deleted nothing.
    expect(await deleteObject(client, id)).toEqual({ outcome: 'gone' });
  });
});
