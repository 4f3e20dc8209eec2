// Text longer than Shopify allows: found as it would be written, cut at a word boundary only under
// the merchant's rule, and the full text kept in a metafield.
import { describe, expect, it } from 'vitest';
import { Customer, Product } from '../../../connectors/model.ts';
import {
  checkContact,
  customerLongText,
  customerMetafields,
  mergeCustomers,
  toCustomerSetVariables,
} from './customers/input.server.ts';
import { productLongText, toProductSetVariables } from './products/input.server.ts';
import { characters, cutAtWordBoundary } from '../../shopify-admin/limits/text-limits.server.ts';
import { keptBackReason, longTextRule } from './long-text-rule.server.ts';

const words = (count: number) => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(count / 27)).slice(0, count);

describe('cutting at a word boundary', () => {
  it('ends where a word ends, within the limit, without a dangling space or comma', () => {
    expect(cutAtWordBoundary('Organic cotton bedding set, stonewashed', 30)).toBe('Organic cotton bedding set');
    expect(cutAtWordBoundary('short', 255)).toBe('short');
    // The word ends exactly at the limit: nothing more is taken off.
    expect(cutAtWordBoundary('one two three', 7)).toBe('one two');
  });

  it('cuts one long word at the limit, and counts characters rather than UTF-16 units', () => {
    expect(cutAtWordBoundary('x'.repeat(300), 255)).toHaveLength(255);
    const teacups = '🍵'.repeat(300);
    expect(characters(cutAtWordBoundary(teacups, 255))).toBe(255);
    expect(characters('🍵'.repeat(255))).toBe(255);
  });

  it('keeps the record back unless the merchant chose to cut', () => {
    expect(longTextRule({})).toBe('keep-back');
    expect(longTextRule({ longText: 'cut' })).toBe('cut');
    expect(longTextRule({ longText: 'whatever' })).toBe('keep-back');
  });
});

describe('customers', () => {
  const longName = Customer.parse({
    sourceId: '5001',
    email: 'ada@example.com',
    firstName: words(300),
    note: words(5001),
    tags: ['vip', words(256)],
  });

  it('finds a first name, a note and a tag longer than Shopify allows, and says it in the merchant’s words', () => {
    const items = customerLongText(longName, checkContact(longName));
    expect(items.map((item) => [item.field, characters(item.full), item.limit])).toEqual([
      ['firstName', 300, 255],
      ['note', 5001, 5000],
      ['tags', 256, 255],
    ]);
    expect(keptBackReason(items)).toMatch(
      /^Kept back: The first name has 300 characters; Shopify allows 255\. The note has 5,001 characters; Shopify allows 5,000\. A tag has 256 characters; Shopify allows 255\. As chosen in the options/,
    );
  });

  it('leaves the text whole with the rule keep-back, and cuts it with the rule cut, the full text kept in metafields', () => {
    const contact = checkContact(longName);
    expect(toCustomerSetVariables(longName, contact, null).input.firstName).toBe(longName.firstName);
    const { input } = toCustomerSetVariables(longName, contact, null, 'cut');
    expect(characters(input.firstName as string)).toBeLessThanOrEqual(255);
    expect(longName.firstName?.startsWith(input.firstName as string)).toBe(true);
    expect(characters(input.note as string)).toBeLessThanOrEqual(5000);
    expect((input.tags as string[]).map(characters).every((length) => length <= 255)).toBe(true);
    const kept = customerMetafields(
      'gid://shopify/Customer/1',
      'woocommerce',
      longName,
      customerLongText(longName, contact),
    ).filter((metafield) => metafield.key.startsWith('full_'));
    expect(kept).toEqual([
      {
        ownerId: 'gid://shopify/Customer/1',
        namespace: 'shipyard',
        key: 'full_first_name',
        type: 'multi_line_text_field',
        value: longName.firstName,
      },
      {
        ownerId: 'gid://shopify/Customer/1',
        namespace: 'shipyard',
        key: 'full_note',
        type: 'multi_line_text_field',
        value: longName.note,
      },
      {
        ownerId: 'gid://shopify/Customer/1',
        namespace: 'shipyard',
        key: 'full_tags',
        type: 'multi_line_text_field',
        value: longName.tags[1],
      },
    ]);
  });

  it('counts the invalid email and phone kept in the note, and the notes of customers merged into one', () => {
    const junkPhone = Customer.parse({
      sourceId: '5002',
      email: 'bo@example.com',
      phone: `+49 ${'9'.repeat(4990)}`,
      note: 'Prefers post',
    });
    expect(customerLongText(junkPhone, checkContact(junkPhone)).map((item) => item.field)).toEqual(['note']);
    const first = Customer.parse({ sourceId: '5003', email: 'cy@example.com', note: words(3000) });
    const again = Customer.parse({ sourceId: '5004', email: 'cy@example.com', note: words(2500) });
    expect(customerLongText(first, checkContact(first))).toEqual([]);
    const merged = mergeCustomers(first, [again]);
    expect(customerLongText(merged, checkContact(merged)).map((item) => [item.field, characters(item.full)])).toEqual([
      ['note', 5502],
    ]);
  });
});

describe('products', () => {
  const context = {
    platform: 'woocommerce',
    locationId: 'gid://shopify/Location/1',
    collectionIds: new Map(),
    collectionParents: new Map(),
    unreachableImages: new Set<string>(),
    handlesLeftToShopify: new Set<string>(),
  };
  const long = Product.parse({
    sourceId: '7',
    sourceType: 'simple',
    title: words(300),
    handle: 'x'.repeat(256),
    status: 'active',
    tags: ['linen', words(260)],
    options: [],
    variants: [{ sourceId: '7', sku: 'LIN-7', price: '10.00', optionValues: [], inventoryQuantity: 1 }],
  });

  it('sends the title and tags whole unless the merchant chose to cut, and never a handle over 255 characters', () => {
    expect(productLongText(long).map((item) => item.field)).toEqual(['title', 'tags']);
    const whole = toProductSetVariables(long, context, null).input;
    expect(whole.title).toBe(long.title);
    // A slug Shopify would refuse is left to Shopify, which makes one from the title (the old URL redirects to it).
    expect(whole).not.toHaveProperty('handle');
    const cut = toProductSetVariables(long, { ...context, longText: 'cut' }, null).input;
    expect(characters(cut.title as string)).toBeLessThanOrEqual(255);
    expect((cut.tags as string[])[0]).toBe('linen');
    expect(characters((cut.tags as string[])[1] as string)).toBeLessThanOrEqual(255);
    expect(
      (cut.metafields as { key: string; value: string }[]).filter((metafield) => metafield.key.startsWith('full_')),
    ).toEqual([
      { namespace: 'shipyard', key: 'full_title', type: 'multi_line_text_field', value: long.title },
      { namespace: 'shipyard', key: 'full_tags', type: 'multi_line_text_field', value: long.tags[1] },
    ]);
  });
});
