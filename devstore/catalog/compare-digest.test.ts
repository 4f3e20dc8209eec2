// metafieldsSet's compare-and-set (API 2024-07 and later): with a compareDigest read earlier, a
// metafield is set only if it still holds what was read; with null, only if it does not exist yet;
// otherwise STALE_OBJECT and, the call being atomic, nothing of it is written.
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
  'mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { key value compareDigest } userErrors { field message code elementIndex } } }';
const READ =
  'query($id: ID!) { product(id: $id) { fit: metafield(namespace: "custom", key: "fit") { value compareDigest } care: metafield(namespace: "custom", key: "care") { value } } }';
const field = (key: string, value: string, digest?: string | null) => ({
  ownerId: productId,
  namespace: 'custom',
  key,
  type: 'single_line_text_field',
  value,
  ...(digest === undefined ? {} : { compareDigest: digest }),
});
const read = async () => (await admin(devstore, shop, READ, { id: productId })).body.data.product;
const STALE = (index: number) => ({
  field: ['metafields', String(index), 'compareDigest'],
  message: 'The metafield has been modified since it was loaded.',
  code: 'STALE_OBJECT',
  elementIndex: index,
});

describe('metafieldsSet with compareDigest', () => {
  it('creates with null only what does not exist yet', async () => {
    expect(
      (await admin(devstore, shop, SET, { metafields: [field('fit', 'slim', null)] })).body.data.metafieldsSet
        .userErrors,
    ).toEqual([]);
    const again = await admin(devstore, shop, SET, { metafields: [field('fit', 'loose', null)] });
    expect(again.body.data.metafieldsSet).toEqual({ metafields: [], userErrors: [STALE(0)] });
    expect((await read()).fit.value).toBe('slim');
  });

  it('sets with the digest read, and refuses the same digest once the value has moved on, writing nothing of the call', async () => {
    const { compareDigest } = (await read()).fit;
    expect(compareDigest).toMatch(/^[0-9a-f]{64}$/);
    const first = await admin(devstore, shop, SET, { metafields: [field('fit', 'relaxed', compareDigest)] });
    expect(first.body.data.metafieldsSet.userErrors).toEqual([]);
    expect(first.body.data.metafieldsSet.metafields[0].compareDigest).not.toBe(compareDigest);

    const late = await admin(devstore, shop, SET, {
      metafields: [field('care', 'hand wash'), field('fit', 'oversized', compareDigest)],
    });
    expect(late.body.data.metafieldsSet).toEqual({ metafields: [], userErrors: [STALE(1)] });
    expect(await read()).toEqual({ fit: { value: 'relaxed', compareDigest: expect.any(String) }, care: null });
  });

  it('sets regardless when no compareDigest is sent', async () => {
    expect(
      (await admin(devstore, shop, SET, { metafields: [field('fit', 'tailored')] })).body.data.metafieldsSet.userErrors,
    ).toEqual([]);
    expect((await read()).fit.value).toBe('tailored');
  });
});
