// Customers and orders as a real WooCommerce store has them (issue 11): phones in the local form the
// customer typed at checkout ("(207) 555-0142" with a US address, "07911 123456" with a British one),
// states in WooCommerce's own codes (i18n/states.php: "JP13" for Tokyo, "AK" for Auckland, "CN2" for
// Beijing, "JA" for Jalisco, "SU" for Sud Sardegna, which Shopify's list of Italy's provinces lacks), and a shipping address that is the billing one again, without the phone or typed in
// another case. WooCommerce REST API v3 shapes: billing carries email and phone, shipping a phone of
// its own (empty unless asked for at checkout), and an address never given has every field empty.
// Seeded with `realCustomers: true` (catalog.ts).
import { customer, order } from './shop-records.ts';
import type { Store } from './store.ts';

type Address = Record<string, string>;

/** The store sells from Maine, so a phone typed with no address country was typed there. */
export const REAL_BASE_LOCATION = 'US:ME';

const EMPTY: Address = {
  first_name: '',
  last_name: '',
  company: '',
  address_1: '',
  address_2: '',
  city: '',
  state: '',
  postcode: '',
  country: '',
  phone: '',
};

function address(fields: Address): Address {
  return { ...EMPTY, ...fields };
}

interface RealCustomer {
  first: string;
  last: string;
  billing: Address;
  shipping: Address;
}

const PORTLAND = address({
  address_1: '12 Fore Street',
  city: 'Portland',
  state: 'ME',
  postcode: '04101',
  country: 'US',
});
const DOWNING = address({ address_1: '10 Downing Street', city: 'London', postcode: 'SW1A 2AA', country: 'GB' });
const MARUNOUCHI = address({
  address_1: '1-1 Marunouchi',
  city: 'Chiyoda-ku',
  state: 'JP13',
  postcode: '100-0005',
  country: 'JP',
});
const QUEEN_STREET = address({
  address_1: '1 Queen Street',
  city: 'Auckland',
  state: 'AK',
  postcode: '1010',
  country: 'NZ',
});
const CHANGAN = address({
  address_1: '1 Chang’an Avenue',
  city: 'Beijing',
  state: 'CN2',
  postcode: '100006',
  country: 'CN',
});
const CARBONIA = address({ address_1: 'Via Roma 1', city: 'Carbonia', state: 'SU', postcode: '09013', country: 'IT' });

/** The customers, 5001 onwards; what each shows is said beside it. */
export const REAL_CUSTOMERS: readonly RealCustomer[] = [
  // A US phone in local form; shipping is billing without the phone.
  { first: 'Maya', last: 'Reed', billing: { ...PORTLAND, phone: '(207) 555-0142' }, shipping: PORTLAND },
  // A British mobile in local form; shipping is billing typed in lower case with stray spaces.
  {
    first: 'Oliver',
    last: 'Hughes',
    billing: { ...DOWNING, phone: '07911 123456' },
    shipping: { ...DOWNING, address_1: '10 downing  street ', city: 'LONDON' },
  },
  // Ofcom keeps 07700 900000–900999 for drama: no phone rings there, even read in Britain.
  {
    first: 'Amelia',
    last: 'Clarke',
    billing: { ...DOWNING, address_1: '11 Downing Street', phone: '07700 900123' },
    shipping: EMPTY,
  },
  // Tokyo as WooCommerce writes it (JP13); the shipping phone is the billing one, spaced differently.
  {
    first: 'Hiro',
    last: 'Tanaka',
    billing: { ...MARUNOUCHI, phone: '03-5555-0100' },
    shipping: { ...MARUNOUCHI, phone: '03 5555 0100' },
  },
  // Two different New Zealand addresses: Auckland (AK) and Wellington (WE), both WooCommerce's own codes.
  {
    first: 'Aroha',
    last: 'Ngata',
    billing: { ...QUEEN_STREET, phone: '021 123 4567' },
    shipping: address({
      address_1: '2 Lambton Quay',
      city: 'Wellington',
      state: 'WE',
      postcode: '6011',
      country: 'NZ',
    }),
  },
  // Beijing in WooCommerce's numbering of China's provinces (CN2), which is no ISO or Shopify code.
  { first: 'Li', last: 'Wei', billing: { ...CHANGAN, phone: '010 6552 9988' }, shipping: EMPTY },
  // Only a phone at checkout, no address: read in the store's own country.
  { first: 'Noah', last: 'Price', billing: address({ phone: '207-555-0199' }), shipping: EMPTY },
  // Jalisco as WooCommerce writes it (JA); Shopify's code for it is JAL.
  {
    first: 'Sofía',
    last: 'Ramírez',
    billing: address({
      address_1: 'Av. Juárez 976',
      city: 'Guadalajara',
      state: 'JA',
      postcode: '44100',
      country: 'MX',
      phone: '33 3613 1234',
    }),
    shipping: EMPTY,
  },
  // Sud Sardegna (SU), a province since 2016 that WooCommerce lists and Shopify's Italy does not.
  { first: 'Giulia', last: 'Serra', billing: { ...CARBONIA, phone: '0781 670 123' }, shipping: EMPTY },
];

export function realCustomer(store: Store, index: number): Record<string, unknown> {
  const real = REAL_CUSTOMERS[index - 1];
  if (!real) return customer(store, index);
  const email = `${real.first}.${real.last}@example.com`.toLowerCase();
  const named = (fields: Address) =>
    fields.address_1 ? { ...fields, first_name: real.first, last_name: real.last } : fields;
  return {
    ...customer(store, index),
    email,
    first_name: real.first,
    last_name: real.last,
    billing: { ...named(real.billing), email },
    shipping: named(real.shipping),
  };
}

/**
 * Orders 9001 (Hiro Tanaka's, in Tokyo with his phones in local form) and 9002 (a guest's, billed in
 * Beijing with the province as CN2 and a phone that is no number, shipped to Sud Sardegna); later
 * ones are the seeded kind.
 */
export const REAL_ORDERS = 2;

export function realOrder(store: Store, index: number, customers: number, products: number): Record<string, unknown> {
  const seeded = order(store, index, customers, products);
  if (index === 1) {
    const hiro = realCustomer(store, 4) as { id: number; billing: Address; shipping: Address };
    return { ...seeded, customer_id: hiro.id, billing: hiro.billing, shipping: hiro.shipping };
  }
  if (index === 2) {
    const guest = { first_name: 'Wang', last_name: 'Fang' };
    return {
      ...seeded,
      customer_id: 0,
      billing: { ...CHANGAN, ...guest, email: 'wang.fang@example.com', phone: '12345' },
      shipping: { ...CARBONIA, ...guest },
    };
  }
  return seeded;
}
