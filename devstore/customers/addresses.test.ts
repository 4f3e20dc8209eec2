// An address given with a country code reads back with the country's name, on a customer and on an
// order; a region must be one of the country's, by Shopify's codes (zones.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';
import { countryName } from './countries.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

describe('MailingAddress.country', () => {
  it('names the country of a customer address created with countryCode', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation {
      customerSet(input: { email: "greta@example.com", addresses: [{ address1: "Hauptstraße 1", city: "Berlin", countryCode: DE }] }) {
        customer { defaultAddress { country countryCodeV2 } addressesV2(first: 1) { nodes { country } } }
        userErrors { code }
      }
    }`,
    );
    expect(body.data.customerSet).toEqual({
      customer: {
        defaultAddress: { country: 'Germany', countryCodeV2: 'DE' },
        addressesV2: { nodes: [{ country: 'Germany' }] },
      },
      userErrors: [],
    });
  });

  it('names the country of an order’s addresses created with countryCode', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation {
      orderCreate(order: {
        lineItems: [{ title: "Map", quantity: 1, priceSet: { shopMoney: { amount: "3.00", currencyCode: USD } } }]
        billingAddress: { address1: "1 Main St", city: "Springfield", countryCode: US }
        shippingAddress: { address1: "2 High St", city: "Leeds", countryCode: GB }
      }) { order { billingAddress { country countryCodeV2 } shippingAddress { country countryCodeV2 } } userErrors { code } }
    }`,
    );
    expect(body.data.orderCreate).toEqual({
      order: {
        billingAddress: { country: 'United States', countryCodeV2: 'US' },
        shippingAddress: { country: 'United Kingdom', countryCodeV2: 'GB' },
      },
      userErrors: [],
    });
  });

  it('has no name for a code that is no country', () => {
    expect([countryName('ZZ'), countryName(''), countryName(null), countryName('fr')]).toEqual([
      null,
      null,
      null,
      'France',
    ]);
  });
});

describe('MailingAddressInput.provinceCode', () => {
  it('takes Shopify’s code for a region of the country and reads it back', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation {
      customerSet(input: { email: "hiro@example.com", addresses: [{ address1: "1-1 Marunouchi", city: "Chiyoda", countryCode: JP, provinceCode: "JP-13" }, { address1: "1 Queen St", city: "Auckland", countryCode: NZ, provinceCode: "AUK" }] }) {
        customer { addressesV2(first: 2) { nodes { provinceCode } } }
        userErrors { code }
      }
    }`,
    );
    expect(body.data.customerSet).toEqual({
      customer: { addressesV2: { nodes: [{ provinceCode: 'JP-13' }, { provinceCode: 'AUK' }] } },
      userErrors: [],
    });
  });

  it('refuses a code that is not one of the country’s regions, as WooCommerce writes it or as another country’s', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation {
      customerSet(input: { email: "kenji@example.com", addresses: [{ address1: "1-1 Marunouchi", city: "Chiyoda", countryCode: JP, provinceCode: "JP13" }, { address1: "1 Queen St", city: "Auckland", countryCode: NZ, province: "AK" }] }) {
        customer { id }
        userErrors { field code }
      }
    }`,
    );
    expect(body.data.customerSet).toEqual({
      customer: null,
      userErrors: [
        { field: ['input', 'addresses', '0', 'provinceCode'], code: 'INVALID' },
        { field: ['input', 'addresses', '1', 'province'], code: 'INVALID' },
      ],
    });
  });

  it('knows Shopify’s own codes for more countries, and refuses WooCommerce’s and ISO’s where they differ', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation {
      customerSet(input: { email: "sofia@example.com", addresses: [
        { address1: "Av. Juárez 976", city: "Guadalajara", countryCode: MX, provinceCode: "JAL" },
        { address1: "Av. Tulum 1", city: "Cancún", countryCode: MX, provinceCode: "Q ROO" },
        { address1: "1 Chang’an Avenue", city: "Beijing", countryCode: CN, provinceCode: "BJ" },
        { address1: "Av. Larco 1", city: "Lima", countryCode: PE, provinceCode: "PE-LIM" },
        { address1: "1 Jalan Ampang", city: "Kuala Lumpur", countryCode: MY, provinceCode: "KUL" }
      ] }) {
        customer { addressesV2(first: 5) { nodes { provinceCode } } }
        userErrors { code }
      }
    }`,
    );
    expect(body.data.customerSet).toEqual({
      customer: {
        addressesV2: {
          nodes: [
            { provinceCode: 'JAL' },
            { provinceCode: 'Q ROO' },
            { provinceCode: 'BJ' },
            { provinceCode: 'PE-LIM' },
            { provinceCode: 'KUL' },
          ],
        },
      },
      userErrors: [],
    });
    // WooCommerce's "JA" and "CN2", ISO's "MY-14" and "LIM" without Peru's prefix, Italy's deprecated Olbia-Tempio.
    const refused = await admin(
      devstore,
      shop,
      `mutation {
      customerSet(input: { email: "refused@example.com", addresses: [
        { address1: "a", city: "Guadalajara", countryCode: MX, provinceCode: "JA" },
        { address1: "b", city: "Beijing", countryCode: CN, provinceCode: "CN2" },
        { address1: "c", city: "Kuala Lumpur", countryCode: MY, provinceCode: "MY-14" },
        { address1: "d", city: "Lima", countryCode: PE, provinceCode: "LIM" },
        { address1: "e", city: "Olbia", countryCode: IT, provinceCode: "OT" }
      ] }) { customer { id } userErrors { field code } }
    }`,
    );
    expect(refused.body.data.customerSet).toEqual({
      customer: null,
      userErrors: [0, 1, 2, 3, 4].map((index) => ({
        field: ['input', 'addresses', String(index), 'provinceCode'],
        code: 'INVALID',
      })),
    });
  });

  it('refuses an order whose address names a region its country does not have', async () => {
    const { body } = await admin(
      devstore,
      shop,
      `mutation {
      orderCreate(order: {
        lineItems: [{ title: "Map", quantity: 1, priceSet: { shopMoney: { amount: "3.00", currencyCode: USD } } }]
        shippingAddress: { address1: "12 Fore Street", city: "Portland", countryCode: US, provinceCode: "XX" }
      }) { order { id } userErrors { field code } }
    }`,
    );
    expect(body.data.orderCreate).toEqual({
      order: null,
      userErrors: [{ field: ['order', 'shippingAddress', 'provinceCode'], code: 'INVALID' }],
    });
  });
});
