// Asking a shop whether Shipyard may use its customers' names, emails, phones and addresses, against
// devstore shops set up with and without Shopify's protected customer data approval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, createShop, startTestDevstore } from '../../devstore/testing.ts';
import { AdminApiError, createAdminClient, isCustomerDataRefusal } from './client.server.ts';
import { checkCustomerDataAccess } from './customer-data-access.server.ts';

let devstore: Devstore;
beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());

const clientFor = (shop: TestShop) =>
  createAdminClient({
    shop: shop.domain,
    accessToken: shop.accessToken,
    endpoint: devstore.url,
    headers: { 'X-Devstore-Shop': shop.domain },
  });

/** A paying store (the approval counts) whose app Shopify approved to this level. */
async function payingStore(approved: 'none' | 'level1' | 'level2', withCustomer = false): Promise<TestShop> {
  const shop = await createShop(devstore);
  if (withCustomer)
    await admin(
      devstore,
      shop,
      'mutation { customerSet(input: { email: "ada@example.com", firstName: "Ada" }) { userErrors { code } } }',
    );
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false, protectedCustomerData: { approved } });
  return shop;
}

const customersIn = async (shop: TestShop) => {
  await control(devstore, 'PATCH', `/shops/${shop.domain}`, { protectedCustomerData: { approved: 'level2' } });
  return (await admin(devstore, shop, '{ customers(first: 5) { nodes { id } } }')).body.data.customers.nodes;
};

describe('checkCustomerDataAccess', () => {
  it('finds access granted on an approved store, and writes nothing to find out', async () => {
    const shop = await payingStore('level2');
    expect(await checkCustomerDataAccess(clientFor(shop))).toEqual({ granted: true });
    expect(await customersIn(shop)).toEqual([]);
  });

  it('finds it missing when Shopify has not approved protected customer data, with Shopify’s words', async () => {
    const shop = await payingStore('none');
    const access = await checkCustomerDataAccess(clientFor(shop));
    expect(access).toEqual({
      granted: false,
      shopifySays: expect.stringMatching(
        /^This app is not approved to access the Customer object\. See https:\/\/partners\.shopify\.com\//,
      ),
    });
  });

  it('finds it missing with level 1 alone, from the fields of a customer the store has', async () => {
    const shop = await payingStore('level1', true);
    expect(await checkCustomerDataAccess(clientFor(shop))).toMatchObject({
      granted: false,
      shopifySays: expect.stringContaining('not approved to access the Customer object'),
    });
  });

  it('finds it missing with level 1 alone on a store with no customer yet, without writing one', async () => {
    const shop = await payingStore('level1');
    expect(await checkCustomerDataAccess(clientFor(shop))).toMatchObject({
      granted: false,
      shopifySays: expect.stringContaining('not approved to use the firstName field'),
    });
    expect(await customersIn(shop)).toEqual([]);
  });

  it('finds it granted on a development store where it is only selected, and missing once the store is a paying one', async () => {
    const shop = await createShop(devstore);
    await control(devstore, 'PATCH', `/shops/${shop.domain}`, {
      protectedCustomerData: { selected: 'level2', approved: 'none' },
    });
    expect(await checkCustomerDataAccess(clientFor(shop))).toEqual({ granted: true });
    await control(devstore, 'PATCH', `/shops/${shop.domain}`, { devStore: false });
    expect(await checkCustomerDataAccess(clientFor(shop))).toMatchObject({ granted: false });
  });
});

describe('the Admin client', () => {
  it('throws a customer-data error, not a generic rejection, when Shopify refuses customer data', async () => {
    const shop = await payingStore('none');
    const error = await clientFor(shop)
      .request('query Customers { customers(first: 1) { nodes { id } } }')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({
      kind: 'customer-data',
      message: expect.stringContaining('not approved to access the Customer object'),
    });
  });

  it('knows the refusal by Shopify’s documented message, with or without the ACCESS_DENIED code, and not a missing access scope', () => {
    expect(
      isCustomerDataRefusal({
        message:
          'This app is not approved to access the Customer object. See https://partners.shopify.com/123/apps/456/customer_data for more details.',
      }),
    ).toBe(true);
    expect(
      isCustomerDataRefusal({
        message:
          'This app is not approved to use the phoneNumber field. See https://partners.shopify.com/123/apps/456/customer_data for more details.',
      }),
    ).toBe(true);
    expect(
      isCustomerDataRefusal({
        message: 'Access denied for customers field. Required access: `read_customers` access scope.',
      }),
    ).toBe(false);
  });
});
