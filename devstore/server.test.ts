import http from 'node:http';
import { ADMIN_API_VERSION } from '../admin-api/version.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from './server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from './testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

describe('authentication', () => {
  it("answers 401 with Shopify's body when the access token is wrong", async () => {
    const response = await admin(devstore, shop, '{ shop { name } }', {}, 'shpat_wrong');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
  });

  it('answers 401 when the token is missing', async () => {
    const response = await admin(devstore, shop, '{ shop { name } }', {}, '');
    expect(response.status).toBe(401);
  });

  it("keeps shops apart: one shop's token does not open another", async () => {
    const other = await createShop(devstore);
    const response = await admin(devstore, other, '{ shop { name } }', {}, shop.accessToken);
    expect(response.status).toBe(401);
  });

  it('addresses a shop by its Host header, as Shopify does', async () => {
    const body = JSON.stringify({ query: '{ shop { myshopifyDomain } }' });
    const answer = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${devstore.url}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
        method: 'POST',
        headers: { Host: shop.domain, 'Content-Type': 'application/json', 'X-Shopify-Access-Token': shop.accessToken },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      });
      request.on('error', reject);
      request.end(body);
    });
    expect(JSON.parse(answer)).toMatchObject({ data: { shop: { myshopifyDomain: shop.domain } } });
  });

  it('answers 404 for a shop it does not hold', async () => {
    const response = await admin(
      devstore,
      { domain: 'nowhere.myshopify.com', accessToken: 'x', appSecret: 'y' },
      '{ shop { name } }',
    );
    expect(response.status).toBe(404);
  });
});

describe('validation against the Admin schema', () => {
  it("rejects an unknown field with graphql-js's message and Shopify's code", async () => {
    const { status, body } = await admin(devstore, shop, '{ shop { nmae } }');
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: 'Cannot query field "nmae" on type "Shop". Did you mean "name"?',
        locations: [{ line: 1, column: 10 }],
        extensions: { code: 'undefinedField' },
      },
    ]);
    expect(body.data).toBeUndefined();
  });

  it('rejects a missing required argument', async () => {
    const { body } = await admin(devstore, shop, '{ product { id } }');
    expect(body.errors[0].message).toBe(
      'Field "product" argument "id" of type "ID!" is required, but it was not provided.',
    );
    expect(body.errors[0].extensions.code).toBe('missingRequiredArguments');
  });

  it('reports a syntax error with its location', async () => {
    const { body } = await admin(devstore, shop, '{ shop { name }');
    expect(body.errors[0]).toMatchObject({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      locations: [{ line: 1, column: 16 }],
    });
  });

  it('answers a field devstore has no resolver for with an error naming it, never a silent null', async () => {
    const { body } = await admin(devstore, shop, '{ shop { name billingAddress { city } } }');
    // Shop is non-null in the schema, so the error nulls the whole answer, as graphql-js does.
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'Shop.billingAddress' is not implemented by devstore",
        path: ['shop', 'billingAddress'],
        extensions: { code: 'NOT_IMPLEMENTED_BY_DEVSTORE' },
      }),
    ]);
  });

  it('names a root field devstore does not serve', async () => {
    const { body } = await admin(devstore, shop, '{ giftCards(first: 1) { nodes { id } } }');
    expect(body.errors[0].message).toBe("Query field 'giftCards' is not implemented by devstore");
  });
});
