// metafieldsSet checks rating and json values the way Shopify does: a rating is a value on its
// scale, a json value is valid JSON of at most 128KB (API 2026-04 and later).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let productId: string;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
  productId = (await admin(devstore, shop, 'mutation { productSet(input: { title: "Wool Scarf" }) { product { id } } }')).body.data.productSet.product.id;
});
afterAll(() => devstore.stop());

const SET = 'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { key type jsonValue } userErrors { field message code } } }';

async function set(type: string, value: string) {
  const { body } = await admin(devstore, shop, SET, { metafields: [{ ownerId: productId, namespace: 'reviews', key: type === 'rating' ? 'rating' : 'list', type, value }] });
  return body.data.metafieldsSet;
}

describe('rating metafields', () => {
  it('keeps a rating on its scale and reads it back as an object', async () => {
    const rating = { value: '4.5', scale_min: '1.0', scale_max: '5.0' };
    expect(await set('rating', JSON.stringify(rating))).toEqual({ metafields: [{ key: 'rating', type: 'rating', jsonValue: rating }], userErrors: [] });
  });

  it('refuses a rating off its scale, without a scale, with a backwards scale or that is not JSON', async () => {
    const refused = async (value: string) => (await set('rating', value)).userErrors;
    expect(await refused('{"value":"5.5","scale_min":"1.0","scale_max":"5.0"}')).toEqual([{ field: ['metafields', '0', 'value'], message: 'Value must be between 1.0 and 5.0.', code: 'INVALID_VALUE' }]);
    expect((await refused('{"value":"4"}'))[0].message).toBe('Value is missing the scale_min key.');
    expect((await refused('{"value":"3","scale_min":"5","scale_max":"1"}'))[0].message).toBe('Value scale_min must be less than scale_max.');
    expect((await refused('{"value":"four","scale_min":"1","scale_max":"5"}'))[0].message).toBe('Value value must be a decimal number.');
    expect((await refused('4.5'))[0].message).toBe('Value must be a rating object with value, scale_min and scale_max.');
    expect((await refused('4.5 stars'))[0].message).toBe('Value is invalid JSON.');
  });
});

describe('json metafields', () => {
  it('refuses invalid JSON and values over 128KB, and keeps one just under', async () => {
    expect((await set('json', '[{"rating": 5,}]')).userErrors[0]).toMatchObject({ code: 'INVALID_VALUE', message: 'Value is invalid JSON.' });
    const text = (bytes: number) => JSON.stringify(['x'.repeat(bytes - 4)]);
    expect((await set('json', text(128 * 1024 + 1))).userErrors[0]).toMatchObject({ code: 'INVALID_VALUE', message: 'Value exceeds the maximum size of 128KB for json metafields.' });
    expect((await set('json', text(128 * 1024))).userErrors).toEqual([]);
  });
});
