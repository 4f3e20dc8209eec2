// Shipyard stages a bulk operation's variables the way Shopify's storage takes them: every
// parameter of the target, in its order, before the file. devstore's upload checks the signed form
// as storage does, so a form missing or reordering a parameter would be refused here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, createShop, startTestDevstore } from '../../devstore/testing.ts';
import { createAdminClient } from './client.server.ts';
import { stageBulkVariables } from './bulk-operations.server.ts';
import type { Writer } from './writer.server.ts';

let devstore: Devstore;
let shop: TestShop;
let writer: Writer;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  const client = createAdminClient({
    shop: shop.domain,
    accessToken: shop.accessToken,
    endpoint: devstore.url,
    headers: { 'X-Devstore-Shop': shop.domain },
  });
  writer = { client, platform: 'woocommerce', locationId: 'gid://shopify/Location/1', concurrency: 1 };
});
afterAll(() => devstore.stop());

describe('staging bulk variables', () => {
  it('uploads the JSONL with the target’s signed form, and hands back the key the bulk operation runs from', async () => {
    const jsonl = '{"input":{"title":"Wool Scarf"}}\n{"input":{"title":"Linen Shirt"}}\n';
    const key = await stageBulkVariables(writer, jsonl);
    expect(key).toMatch(new RegExp(`^tmp/${shop.domain}/bulk/[0-9a-f-]+/bulk_op_vars$`));
    const stored = await fetch(`${devstore.url}/devstore/uploads/${key}`);
    expect(stored.status).toBe(200);
    expect(await stored.text()).toBe(jsonl);
  });
});
