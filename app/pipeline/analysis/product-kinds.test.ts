// What the analysis tells the merchant of external, downloadable and "any"-value products, and that
// an external product is not also called merely "unpublished".
import { describe, expect, it } from 'vitest';
import { Product } from '../../../connectors/model.ts';
import { productFindings } from './findings.server.ts';

const base = { sourceId: '80', sourceType: 'simple', handle: 'item', status: 'active' as const, options: [], variants: [{ sourceId: '80', sku: 'S-80', price: '5.00', optionValues: [], inventoryQuantity: null }] };
const codes = (record: unknown) => productFindings(Product.parse(record)).map((finding) => finding.code);

describe('product kind findings', () => {
  it('an external product: moved as a draft, with what to do to send shoppers on; not a plain “stays unpublished”', () => {
    const [finding] = productFindings(Product.parse({ ...base, title: 'Partner Bicycle', soldElsewhere: { url: 'https://partner.example/bicycle', buttonText: 'Buy at our partner' } }));
    expect(finding).toMatchObject({ code: 'external-product', sourceId: '80' });
    expect(finding?.message).toContain('https://partner.example/bicycle');
    expect(finding?.action).toContain('Moves as a draft');
    expect(codes({ ...base, title: 'Partner Bicycle', soldElsewhere: { url: 'https://partner.example/bicycle', buttonText: 'Buy' } })).toEqual(['external-product']);
  });

  it('a downloadable product: Shopify delivers no files without a digital downloads app', () => {
    const [finding] = productFindings(Product.parse({ ...base, title: 'Pattern', downloads: [{ name: 'Pattern PDF', url: 'https://old.example/p.pdf' }] }));
    expect(finding).toMatchObject({ code: 'downloadable-product' });
    expect(finding?.message).toContain('“Pattern PDF”');
    expect(finding?.action).toContain('digital downloads app');
  });

  it('variations sold in any Size, and an option no variation chooses, are each reported', () => {
    const made = (size: string, quantity: number) => ({ sourceId: `81:${size}`, sku: `TEE-RED-${size}`, price: '20.00', optionValues: [{ option: 'Size', value: size }], inventoryQuantity: quantity, madeFrom: { sourceId: '81', open: ['Size'] } });
    const found = productFindings(Product.parse({
      ...base, sourceType: 'variable', title: 'V-Neck T-Shirt', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [made('S', 2), made('M', 1)],
      openOptions: [{ name: 'Logo', values: ['Yes', 'No'] }],
    }));
    expect(found.map((finding) => finding.code)).toEqual(['any-value-variation', 'any-value-option']);
    expect(found[0]?.message).toBe('“V-Neck T-Shirt”: 1 variation is sold in any Size; Shopify needs one value of each option per variant.');
    expect(found[0]?.action).toContain('TEE-RED-S');
    expect(found[1]?.message).toBe('“V-Neck T-Shirt”: no variation chooses a Logo (every one is sold in any Logo: Yes, No).');
  });
});
