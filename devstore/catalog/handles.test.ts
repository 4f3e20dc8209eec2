import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';
import { handleize, toHandle } from './handles.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const SET =
  'mutation($input: ProductSetInput!) { productSet(input: $input) { product { handle } userErrors { field code } } }';
const handleOf = async (input: Record<string, unknown>) =>
  (await admin(devstore, shop, SET, { input })).body.data.productSet.product.handle as string;

describe('handles made from titles', () => {
  it('keeps letters of any script, as Shopify has since handles became UTF-8', async () => {
    expect(await handleOf({ title: '東京' })).toBe('東京');
    expect(await handleOf({ title: 'Быстрая доставка' })).toBe('быстрая-доставка');
    expect(await handleOf({ title: 'Йогурт' })).toBe('йогурт');
  });

  it('takes accents off Latin letters, drops quotes and brackets, keeps "_" and joins the rest with one hyphen', () => {
    expect(handleize('Crème Brûlée')).toBe('creme-brulee');
    expect(handleize('a b-c_d.e')).toBe('a-b-c_d-e');
    expect(handleize("  Tom's (Blue) [XL] Shirt!!  ")).toBe('toms-blue-xl-shirt');
    expect(handleize(`${'x'.repeat(254)} yz`)).toBe('x'.repeat(254));
  });

  it('adds -1, -2 to a handle already taken, and counts on from a number the handle ends in', async () => {
    expect([
      await handleOf({ title: 'Potion' }),
      await handleOf({ title: 'Potion' }),
      await handleOf({ title: 'Potion' }),
    ]).toEqual(['potion', 'potion-1', 'potion-2']);
    expect([await handleOf({ title: 'Shirt 1' }), await handleOf({ title: 'Shirt 1' })]).toEqual([
      'shirt-1',
      'shirt-2',
    ]);
    expect([await handleOf({ title: '東京' })]).toEqual(['東京-1']);
  });
});

describe('handles given', () => {
  it('keeps a valid unicode handle as given', async () => {
    expect(await handleOf({ title: 'Tokyo Café', handle: '東京-cafe' })).toBe('東京-cafe');
  });

  it('makes a handle of what is given the way Shopify does (a percent-encoded slug is not decoded)', async () => {
    expect(await handleOf({ title: 'Linen', handle: 'Linen Shirt' })).toBe('linen-shirt');
    expect(toHandle('%e6%9d%b1%e4%ba%ac')).toBe('e6-9d-b1-e4-ba-ac');
  });

  it('refuses a given handle another product has, after making it a handle', async () => {
    await handleOf({ title: 'Original', handle: 'bowl' });
    const { body } = await admin(devstore, shop, SET, { input: { title: 'Copy', handle: 'Bowl' } });
    expect(body.data.productSet).toEqual({
      product: null,
      userErrors: [{ field: ['input', 'handle'], code: 'HANDLE_NOT_UNIQUE' }],
    });
  });

  it('makes collection handles by the same rules', async () => {
    const create =
      'mutation($collection: CollectionCreateInput!) { collectionCreate(collection: $collection) { collection { handle } } }';
    const first = await admin(devstore, shop, create, { collection: { title: 'Весна 2' } });
    const second = await admin(devstore, shop, create, { collection: { title: 'Весна 2' } });
    const given = await admin(devstore, shop, create, { collection: { title: 'Sale', handle: 'Summer Sale' } });
    expect([first, second, given].map((answer) => answer.body.data.collectionCreate.collection.handle)).toEqual([
      'весна-2',
      'весна-3',
      'summer-sale',
    ]);
  });
});
