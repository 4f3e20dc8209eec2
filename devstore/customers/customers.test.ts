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
    const input = {
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+44 20 7946 0000',
      tags: ['vip'],
      addresses: [{ address1: '1 Analytical St', city: 'London', countryCode: 'GB' }],
    };
    const created = await admin(devstore, shop, SET, { identifier: { email: 'ada@example.com' }, input });
    const customer = created.body.data.customerSet.customer;
    expect(customer).toMatchObject({
      email: 'ada@example.com',
      phone: '+442079460000',
      displayName: 'Ada Lovelace',
      tags: ['vip'],
      defaultAddress: { city: 'London', countryCodeV2: 'GB' },
    });
    const again = await admin(devstore, shop, SET, {
      identifier: { email: 'ADA@example.com' },
      input: { ...input, email: 'ADA@example.com', lastName: 'King' },
    });
    expect(again.body.data.customerSet.customer).toMatchObject({ id: customer.id, lastName: 'King' });
    const listed = await admin(
      devstore,
      shop,
      '{ customers(first: 5, query: "email:ada@example.com") { nodes { id } } }',
    );
    expect(listed.body.data.customers.nodes).toEqual([{ id: customer.id }]);
  });

  it('answers TAKEN for an email another customer has, and INVALID for a bad email or phone', async () => {
    await admin(devstore, shop, SET, { input: { email: 'grace@example.com' } });
    const taken = await admin(devstore, shop, SET, { input: { email: 'Grace@Example.com', firstName: 'Other' } });
    expect(taken.body.data.customerSet.userErrors).toEqual([
      { field: ['input', 'email'], message: 'Email has already been taken', code: 'TAKEN' },
    ]);
    const invalid = await admin(devstore, shop, SET, { input: { email: 'not-an-email', phone: '12' } });
    expect(
      invalid.body.data.customerSet.userErrors.map((error: { code: string; field: string[] }) => [
        error.field.at(-1),
        error.code,
      ]),
    ).toEqual([
      ['email', 'INVALID'],
      ['phone', 'INVALID'],
    ]);
  });

  it('answers INPUT_MISMATCH when the identifier and the input disagree, and NOT_FOUND for an unknown id', async () => {
    const mismatch = await admin(devstore, shop, SET, {
      identifier: { email: 'a@example.com' },
      input: { email: 'b@example.com' },
    });
    expect(mismatch.body.data.customerSet.userErrors[0].code).toBe('INPUT_MISMATCH');
    const missing = await admin(devstore, shop, SET, {
      identifier: { id: 'gid://shopify/Customer/1' },
      input: { firstName: 'X' },
    });
    expect(missing.body.data.customerSet.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('clears the fields given as null and keeps the omitted ones on update', async () => {
    const FIELDS = 'id email phone firstName lastName note tags addressesV2(first: 5) { nodes { address1 } }';
    const UPDATE = `mutation($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) { customerSet(input: $input, identifier: $identifier) { customer { ${FIELDS} } userErrors { field code } } }`;
    const input = {
      email: 'mary@example.com',
      phone: '+44 20 7946 0001',
      firstName: 'Mary',
      lastName: 'Somerville',
      note: 'Prefers post',
      tags: ['press'],
      addresses: [{ address1: '12 Hanover Sq', city: 'London', countryCode: 'GB' }],
    };
    const created = (await admin(devstore, shop, UPDATE, { input })).body.data.customerSet.customer;
    const cleared = await admin(devstore, shop, UPDATE, {
      identifier: { id: created.id },
      input: { note: null, phone: null, firstName: null },
    });
    expect(cleared.body.data.customerSet).toEqual({
      customer: {
        id: created.id,
        email: 'mary@example.com',
        phone: null,
        firstName: null,
        lastName: 'Somerville',
        note: null,
        tags: ['press'],
        addressesV2: { nodes: [{ address1: '12 Hanover Sq' }] },
      },
      userErrors: [],
    });
    // The cleared phone is free for another customer.
    const other = await admin(devstore, shop, UPDATE, { input: { phone: '+44 20 7946 0001', firstName: 'Other' } });
    expect(other.body.data.customerSet.userErrors).toEqual([]);
    const emptied = await admin(devstore, shop, UPDATE, { input: { id: created.id, addresses: [], tags: null } });
    expect(emptied.body.data.customerSet.customer).toMatchObject({
      lastName: 'Somerville',
      tags: [],
      addressesV2: { nodes: [] },
    });
    const read = await admin(
      devstore,
      shop,
      `query($id: ID!) { customer(id: $id) { ${FIELDS} defaultAddress { id } } }`,
      { id: created.id },
    );
    expect(read.body.data.customer).toMatchObject({
      phone: null,
      firstName: null,
      note: null,
      lastName: 'Somerville',
      addressesV2: { nodes: [] },
      defaultAddress: null,
    });
  });

  it('refuses an update that would leave no name, phone or email', async () => {
    const created = (await admin(devstore, shop, SET, { input: { firstName: 'Nameless' } })).body.data.customerSet
      .customer;
    const blank = await admin(devstore, shop, SET, { input: { id: created.id, firstName: null } });
    expect(blank.body.data.customerSet.userErrors).toEqual([
      { field: ['input'], message: 'A name, phone number or email address must be present', code: 'BLANK' },
    ]);
  });

  it('finds a customer by identifier', async () => {
    await admin(devstore, shop, SET, { input: { phone: '+1 (555) 010-9999', firstName: 'Phone Only' } });
    const { body } = await admin(
      devstore,
      shop,
      '{ customerByIdentifier(identifier: { phoneNumber: "+15550109999" }) { firstName } }',
    );
    expect(body.data.customerByIdentifier).toEqual({ firstName: 'Phone Only' });
  });
});
