// Records staged before decision 0031 read as they meant: allowed emails with their patterns, a
// password-protected page, metafields named in the target's types.
import { describe, expect, it } from 'vitest';
import { BlogPost, Discount, Page, Product } from './model.ts';

const coupon = { sourceId: '1', code: 'VIP', sourceType: 'percent', value: { kind: 'percentage', percent: 10 } };
const page = { sourceId: '2', title: 'Members', handle: 'members', bodyHtml: '<p>Hi</p>', published: false };
const product = {
  sourceId: '3',
  sourceType: 'simple',
  title: 'Mug',
  handle: 'mug',
  status: 'active',
  options: [],
  variants: [{ sourceId: '3', sku: null, price: '5.00', optionValues: [], inventoryQuantity: null }],
};

describe('records staged before decision 0031', () => {
  it('a discount’s allowedEmails: an entry with a * is a pattern, the others addresses', () => {
    expect(
      Discount.parse({ ...coupon, allowedEmails: ['vip@example.com', '*@studio.example'] }).allowedCustomers,
    ).toEqual([
      { kind: 'email', value: 'vip@example.com' },
      { kind: 'pattern', value: '*@studio.example' },
    ]);
    expect(Discount.parse(coupon).allowedCustomers).toEqual([]);
  });

  it('passwordProtected: read as access “password”; without it, anyone could read it', () => {
    expect(Page.parse({ ...page, passwordProtected: true }).access).toBe('password');
    expect(BlogPost.parse({ ...page, passwordProtected: true }).access).toBe('password');
    expect(Page.parse(page)).not.toHaveProperty('access');
  });

  it('a metafield’s target type: read as its kind', () => {
    const metafields = [
      { namespace: 'woocommerce', key: 'attribute_care', type: 'list.single_line_text_field', value: '["Wash cold"]' },
      { namespace: 'woocommerce', key: 'short_description', type: 'multi_line_text_field', value: 'Short' },
    ];
    expect(Product.parse({ ...product, metafields }).metafields.map((field) => field.kind)).toEqual([
      'textList',
      'multiLineText',
    ]);
  });

  it('a product needs a variant unless it is grouped', () => {
    expect(Product.safeParse({ ...product, variants: [] }).success).toBe(false);
    expect(Product.safeParse({ ...product, sourceType: 'grouped', variants: [], groupOf: ['4', '5'] }).success).toBe(
      true,
    );
  });
});
