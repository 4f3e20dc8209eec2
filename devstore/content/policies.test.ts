import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(async () => {
  await devstore.stop();
});

const UPDATE =
  'mutation($policy: ShopPolicyInput!) { shopPolicyUpdate(shopPolicy: $policy) { shopPolicy { id type title body url } userErrors { field message code } } }';
const POLICIES = '{ shop { shopPolicies { id type title body url } } }';

describe('shop policies', () => {
  it('lists none until one is written, then the written ones; an update keeps the policy’s id', async () => {
    expect((await admin(devstore, shop, POLICIES)).body.data.shop.shopPolicies).toEqual([]);
    const first = (await admin(devstore, shop, UPDATE, { policy: { type: 'REFUND_POLICY', body: '<p>30 days.</p>' } }))
      .body.data.shopPolicyUpdate;
    expect(first.userErrors).toEqual([]);
    expect(first.shopPolicy).toMatchObject({
      type: 'REFUND_POLICY',
      title: 'Refund policy',
      body: '<p>30 days.</p>',
      url: `https://${shop.domain}/policies/refund-policy`,
    });
    const again = (await admin(devstore, shop, UPDATE, { policy: { type: 'REFUND_POLICY', body: '<p>14 days.</p>' } }))
      .body.data.shopPolicyUpdate;
    expect(again.shopPolicy.id).toBe(first.shopPolicy.id);
    expect((await admin(devstore, shop, POLICIES)).body.data.shop.shopPolicies).toEqual([
      { ...first.shopPolicy, body: '<p>14 days.</p>' },
    ]);
    const node = await admin(devstore, shop, 'query($id: ID!) { node(id: $id) { ... on ShopPolicy { type } } }', {
      id: first.shopPolicy.id,
    });
    expect(node.body.data.node).toEqual({ type: 'REFUND_POLICY' });
  });

  it('refuses a body over 512 KB with TOO_BIG, and takes an empty one as the policy removed', async () => {
    const big = (
      await admin(devstore, shop, UPDATE, { policy: { type: 'PRIVACY_POLICY', body: 'x'.repeat(512 * 1024 + 1) } })
    ).body.data.shopPolicyUpdate;
    expect(big).toEqual({
      shopPolicy: null,
      userErrors: [{ field: ['shopPolicy', 'body'], message: 'Body is too big (maximum is 512 KB)', code: 'TOO_BIG' }],
    });
    await admin(devstore, shop, UPDATE, { policy: { type: 'REFUND_POLICY', body: '' } });
    expect((await admin(devstore, shop, POLICIES)).body.data.shop.shopPolicies).toEqual([]);
  });
});
