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
  productId = (
    await admin(devstore, shop, 'mutation { productSet(input: { title: "Wool Scarf" }) { product { id } } }')
  ).body.data.productSet.product.id;
});
afterAll(() => devstore.stop());

const SET =
  'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { key type jsonValue } userErrors { field message code } } }';

async function set(type: string, value: string) {
  const { body } = await admin(devstore, shop, SET, {
    metafields: [{ ownerId: productId, namespace: 'reviews', key: type === 'rating' ? 'rating' : 'list', type, value }],
  });
  return body.data.metafieldsSet;
}

describe('rating metafields', () => {
  it('keeps a rating on its scale and reads it back as an object', async () => {
    const rating = { value: '4.5', scale_min: '1.0', scale_max: '5.0' };
    expect(await set('rating', JSON.stringify(rating))).toEqual({
      metafields: [{ key: 'rating', type: 'rating', jsonValue: rating }],
      userErrors: [],
    });
  });

  it('refuses a rating off its scale, without a scale, with a backwards scale or that is not JSON', async () => {
    const refused = async (value: string) => (await set('rating', value)).userErrors;
    expect(await refused('{"value":"5.5","scale_min":"1.0","scale_max":"5.0"}')).toEqual([
      { field: ['metafields', '0', 'value'], message: 'Value must be between 1.0 and 5.0.', code: 'INVALID_VALUE' },
    ]);
    expect((await refused('{"value":"4"}'))[0].message).toBe('Value is missing the scale_min key.');
    expect((await refused('{"value":"3","scale_min":"5","scale_max":"1"}'))[0].message).toBe(
      'Value scale_min must be less than scale_max.',
    );
    expect((await refused('{"value":"four","scale_min":"1","scale_max":"5"}'))[0].message).toBe(
      'Value value must be a decimal number.',
    );
    expect((await refused('4.5'))[0].message).toBe(
      'Value must be a rating object with value, scale_min and scale_max.',
    );
    expect((await refused('4.5 stars'))[0].message).toBe('Value is invalid JSON.');
  });
});

describe('json metafields', () => {
  it('refuses invalid JSON and values over 128KB, and keeps one just under', async () => {
    expect((await set('json', '[{"rating": 5,}]')).userErrors[0]).toMatchObject({
      code: 'INVALID_VALUE',
      message: 'Value is invalid JSON.',
    });
    const text = (bytes: number) => JSON.stringify(['x'.repeat(bytes - 4)]);
    expect((await set('json', text(128 * 1024 + 1))).userErrors[0]).toMatchObject({
      code: 'INVALID_VALUE',
      message: 'Value exceeds the maximum size of 128KB for json metafields.',
    });
    expect((await set('json', text(128 * 1024))).userErrors).toEqual([]);
  });
});

describe('every type Shopify lists', () => {
  it('takes a value of each: text, numbers, dates, urls, money, links, ratings, rich text, measurements, references and lists', async () => {
    const collectionId = (
      await admin(devstore, shop, 'mutation { collectionCreate(input: { title: "Winter" }) { collection { id } } }')
    ).body.data.collectionCreate.collection.id;
    const valid: [string, string][] = [
      ['single_line_text_field', 'Wool'],
      ['multi_line_text_field', 'Wool\nCashmere'],
      ['number_integer', '-9007199254740991'],
      ['number_decimal', '1234567890123.123456789'],
      ['boolean', 'true'],
      ['date', '2024-02-29'],
      ['date_time', '2026-11-01T10:30:00'],
      ['url', 'mailto:care@example.com'],
      ['color', '#fff123'],
      ['id', 'woocommerce:42'],
      ['json', '{"fibres":["wool"]}'],
      [
        'rich_text_field',
        '{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","value":"Soft"}]}]}',
      ],
      ['rating', '{"value":"4.5","scale_min":"1.0","scale_max":"5.0"}'],
      ['money', '{"amount":"5.99","currency_code":"USD"}'],
      ['link', '{"text":"Care guide","url":"https://example.com/care"}'],
      ['dimension', '{"value":180,"unit":"cm"}'],
      ['volume', '{"value":0.5,"unit":"l"}'],
      ['weight', '{"value":2.5,"unit":"kg"}'],
      ['temperature', '{"value":30,"unit":"celsius"}'],
      ['data_storage_capacity', '{"value":64,"unit":"gigabytes"}'],
      ['product_reference', productId],
      ['collection_reference', collectionId],
      ['list.product_reference', JSON.stringify([productId])],
      ['list.single_line_text_field', '["S","M"]'],
      ['list.number_integer', '[1,2,3]'],
      ['list.weight', '[{"value":1,"unit":"kg"},{"value":500,"unit":"g"}]'],
      ['list.url', '["https://example.com"]'],
    ];
    const { body } = await admin(devstore, shop, SET, {
      metafields: valid
        .map(([type, value], index) => ({ ownerId: productId, namespace: 'types', key: `k${index}`, type, value }))
        .slice(0, 25),
    });
    expect(body.data.metafieldsSet.userErrors).toEqual([]);
    const rest = await admin(devstore, shop, SET, {
      metafields: valid
        .slice(25)
        .map(([type, value], index) => ({ ownerId: productId, namespace: 'types', key: `r${index}`, type, value })),
    });
    expect(rest.body.data.metafieldsSet.userErrors).toEqual([]);
  });

  it('refuses a value its type does not take', async () => {
    const refused = async (type: string, value: string) => (await set(type, value)).userErrors[0];
    expect(await refused('weight', '{"value":2,"unit":"stone"}')).toMatchObject({
      code: 'INVALID_VALUE',
      message: 'Value unit must be one of: oz, lb, g, kg.',
    });
    expect(await refused('dimension', '{"value":"tall","unit":"cm"}')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(await refused('money', '{"amount":"5.99","currency_code":"EUR"}')).toMatchObject({
      code: 'INVALID_VALUE',
      message: "Value currency_code must be the store's currency (USD).",
    });
    expect(await refused('url', 'ftp://example.com/file')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(await refused('date', '2026-02-30')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(await refused('number_integer', '9007199254740992')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(await refused('product_reference', 'gid://shopify/Collection/1')).toMatchObject({
      code: 'INVALID_VALUE',
      message: 'Value must be the id of a Product.',
    });
    expect(await refused('list.single_line_text_field', '"S"')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(await refused('single_line_text_field', '')).toMatchObject({
      code: 'BLANK',
      message: "Value can't be blank",
    });
    expect(await refused('list.boolean', '[true]')).toMatchObject({
      code: 'INVALID_TYPE',
      message: "Type 'list.boolean' is not a valid type.",
    });
    expect(await refused('metre', '3')).toMatchObject({ code: 'INVALID_TYPE' });
  });
});
