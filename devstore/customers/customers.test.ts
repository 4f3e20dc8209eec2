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

const SET = `mutation($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) {
  customerSet(input: $input, identifier: $identifier) {
    customer { id email phone firstName lastName displayName tags defaultAddress { city countryCodeV2 } addressesV2(first: 5) { nodes { address1 } } }
    userErrors { field message code }
  }
}`;

describe('customerSet', () => {
  it('creates a customer with addresses, then upserts by email without duplicating', async () => {
    const input = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000', tags: ['vip'], addresses: [{ address1: '1 Analytical St', city: 'London', countryCode: 'GB' }] };
    const created = await admin(devstore, shop, SET, { identifier: { email: 'ada@example.com' }, input });
    const customer = created.body.data.customerSet.customer;
    expect(customer).toMatchObject({ email: 'ada@example.com', phone: '+442079460000', displayName: 'Ada Lovelace', tags: ['vip'], defaultAddress: { city: 'London', countryCodeV2: 'GB' } });
    const again = await admin(devstore, shop, SET, { identifier: { email: 'ADA@example.com' }, input: { ...input, email: 'ADA@example.com', lastName: 'King' } });
    expect(again.body.data.customerSet.customer).toMatchObject({ id: customer.id, lastName: 'King' });
    const listed = await admin(devstore, shop, '{ customers(first: 5, query: "email:ada@example.com") { nodes { id } } }');
    expect(listed.body.data.customers.nodes).toEqual([{ id: customer.id }]);
  });

  it('answers TAKEN for an email another customer has, and INVALID for a bad email or phone', async () => {
    await admin(devstore, shop, SET, { input: { email: 'grace@example.com' } });
    const taken = await admin(devstore, shop, SET, { input: { email: 'Grace@Example.com', firstName: 'Other' } });
    expect(taken.body.data.customerSet.userErrors).toEqual([{ field: ['input', 'email'], message: 'Email has already been taken', code: 'TAKEN' }]);
    const invalid = await admin(devstore, shop, SET, { input: { email: 'not-an-email', phone: '12' } });
    expect(invalid.body.data.customerSet.userErrors.map((error: { code: string; field: string[] }) => [error.field.at(-1), error.code])).toEqual([['email', 'INVALID'], ['phone', 'INVALID']]);
  });

  it('answers INPUT_MISMATCH when the identifier and the input disagree, and NOT_FOUND for an unknown id', async () => {
    const mismatch = await admin(devstore, shop, SET, { identifier: { email: 'a@example.com' }, input: { email: 'b@example.com' } });
    expect(mismatch.body.data.customerSet.userErrors[0].code).toBe('INPUT_MISMATCH');
    const missing = await admin(devstore, shop, SET, { identifier: { id: 'gid://shopify/Customer/1' }, input: { firstName: 'X' } });
    expect(missing.body.data.customerSet.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('finds a customer by identifier', async () => {
    await admin(devstore, shop, SET, { input: { phone: '+1 (555) 010-9999', firstName: 'Phone Only' } });
    const { body } = await admin(devstore, shop, '{ customerByIdentifier(identifier: { phoneNumber: "+15550109999" }) { firstName } }');
    expect(body.data.customerByIdentifier).toEqual({ firstName: 'Phone Only' });
  });
});
