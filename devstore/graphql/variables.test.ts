// Variables that do not fit their declared types are refused before anything runs, in Shopify's
// words: `Variable $x of type T was provided invalid value for path (explanation)`, with
// `INVALID_VARIABLE`, the value given and each problem's path and explanation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { id } userErrors { code } }
}`;
const PRODUCT = 'mutation Product($input: ProductSetInput!) { productSet(input: $input) { product { id } } }';

describe('a variable that does not fit its type', () => {
  it('names each problem by its path: a required field left out, a field the type does not have', async () => {
    const value = [{ key: 'colour', value: 'navy', colour: 'navy' }];
    const { status, body } = await admin(devstore, shop, SET, { metafields: value });
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message:
          'Variable $metafields of type [MetafieldsSetInput!]! was provided invalid value for 0.colour (Field is not defined on MetafieldsSetInput), 0.ownerId (Expected value to not be null)',
        locations: [{ line: 1, column: 14 }],
        extensions: {
          code: 'INVALID_VARIABLE',
          value,
          problems: [
            { path: [0, 'colour'], explanation: 'Field is not defined on MetafieldsSetInput' },
            { path: [0, 'ownerId'], explanation: 'Expected value to not be null' },
          ],
        },
      },
    ]);
  });

  it('lists an enum’s values when given one it does not have', async () => {
    const { body } = await admin(devstore, shop, PRODUCT, { input: { title: 'Wool Scarf', status: 'LIVE' } });
    expect(body.errors[0].message).toBe(
      'Variable $input of type ProductSetInput! was provided invalid value for status (Expected "LIVE" to be one of: ACTIVE, ARCHIVED, DRAFT, UNLISTED)',
    );
    expect(body.errors[0].extensions).toEqual({
      code: 'INVALID_VARIABLE',
      value: { title: 'Wool Scarf', status: 'LIVE' },
      problems: [{ path: ['status'], explanation: 'Expected "LIVE" to be one of: ACTIVE, ARCHIVED, DRAFT, UNLISTED' }],
    });
  });

  it('says nothing of a path when the whole value is wrong: a required variable left out, a number that is not one', async () => {
    const missing = await admin(devstore, shop, PRODUCT, {});
    expect(missing.body.errors).toEqual([
      {
        message: 'Variable $input of type ProductSetInput! was provided invalid value',
        locations: [{ line: 1, column: 18 }],
        extensions: {
          code: 'INVALID_VARIABLE',
          value: null,
          problems: [{ path: [], explanation: 'Expected value to not be null' }],
        },
      },
    ]);
    const page = await admin(devstore, shop, 'query Page($first: Int!) { products(first: $first) { nodes { id } } }', {
      first: 'ten',
    });
    expect(page.body.errors[0]).toMatchObject({
      message: 'Variable $first of type Int! was provided invalid value',
      extensions: {
        code: 'INVALID_VARIABLE',
        value: 'ten',
        problems: [{ path: [], explanation: 'Could not coerce value "ten" to Int' }],
      },
    });
  });

  it('takes exactly one field of a OneOf input', async () => {
    const identify =
      'mutation Identify($identifier: CustomerSetIdentifiers) { customerSet(input: { email: "ada@example.com" }, identifier: $identifier) { customer { id } } }';
    const { body } = await admin(devstore, shop, identify, {
      identifier: { email: 'ada@example.com', phone: '+441632960000' },
    });
    expect(body.errors[0]).toMatchObject({
      message: 'Variable $identifier of type CustomerSetIdentifiers was provided invalid value',
      extensions: {
        code: 'INVALID_VARIABLE',
        problems: [
          {
            path: [],
            explanation: '`CustomerSetIdentifiers` is a OneOf type, so only one argument may be given (instead of 2)',
          },
        ],
      },
    });
  });

  it('answers one error for each variable refused, runs nothing and charges nothing', async () => {
    const both =
      'mutation Both($a: ProductSetInput!, $b: ProductSetInput!) { a: productSet(input: $a) { product { id } } b: productSet(input: $b) { product { id } } }';
    const { body } = await admin(devstore, shop, both, { a: { title: 'Refused', status: 'LIVE' }, b: { title: 3 } });
    expect(body.errors.map((error: { message: string }) => error.message)).toEqual([
      'Variable $a of type ProductSetInput! was provided invalid value for status (Expected "LIVE" to be one of: ACTIVE, ARCHIVED, DRAFT, UNLISTED)',
      'Variable $b of type ProductSetInput! was provided invalid value for title (Could not coerce value 3 to String)',
    ]);
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0 });
    const found = await admin(devstore, shop, '{ products(first: 5, query: "title:Refused") { nodes { id } } }');
    expect(found.body.data.products.nodes).toEqual([]);
  });
});
