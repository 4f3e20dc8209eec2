// What the analysis tells the merchant of external, downloadable and "any"-value products, that
// an external product is not also called merely "unpublished", and that a grouped one is kept back.
import { describe, expect, it } from 'vitest';
import { Product } from '../../../connectors/model.ts';
import { productFindings } from './findings.server.ts';
import { toStagedRows } from '../staging/records.server.ts';

const base = {
  sourceId: '80',
  sourceType: 'simple',
  handle: 'item',
  status: 'active' as const,
  options: [],
  variants: [{ sourceId: '80', sku: 'S-80', price: '5.00', optionValues: [], inventoryQuantity: null }],
};
const codes = (record: unknown) => productFindings(Product.parse(record)).map((finding) => finding.code);

describe('product kind findings', () => {
  it('an external product: moved as a draft, with what to do to send shoppers on; not a plain “stays unpublished”', () => {
    const [finding] = productFindings(
      Product.parse({
        ...base,
        title: 'Partner Bicycle',
        soldElsewhere: { url: 'https://partner.example/bicycle', buttonText: 'Buy at our partner' },
      }),
    );
    expect(finding).toMatchObject({ code: 'external-product', sourceId: '80' });
    expect(finding?.message).toContain('https://partner.example/bicycle');
    expect(finding?.action).toContain('Moves as a draft');
    expect(
      codes({
        ...base,
        title: 'Partner Bicycle',
        soldElsewhere: { url: 'https://partner.example/bicycle', buttonText: 'Buy' },
      }),
    ).toEqual(['external-product']);
  });

  it('a downloadable product: Shopify delivers no files without a digital downloads app', () => {
    const [finding] = productFindings(
      Product.parse({
        ...base,
        title: 'Pattern',
        downloads: [{ name: 'Pattern PDF', url: 'https://old.example/p.pdf' }],
      }),
    );
    expect(finding).toMatchObject({ code: 'downloadable-product' });
    expect(finding?.message).toContain('“Pattern PDF”');
    expect(finding?.action).toContain('digital downloads app');
  });

  it('variations sold in any Size, and an option no variation chooses, are each reported', () => {
    const made = (size: string, quantity: number) => ({
      sourceId: `81:${size}`,
      sku: `TEE-RED-${size}`,
      price: '20.00',
      optionValues: [{ option: 'Size', value: size }],
      inventoryQuantity: quantity,
      madeFrom: { sourceId: '81', open: ['Size'] },
    });
    const found = productFindings(
      Product.parse({
        ...base,
        sourceType: 'variable',
        title: 'V-Neck T-Shirt',
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [made('S', 2), made('M', 1)],
        openOptions: [{ name: 'Logo', values: ['Yes', 'No'] }],
      }),
    );
    expect(found.map((finding) => finding.code)).toEqual(['any-value-variation', 'any-value-option']);
    expect(found[0]?.message).toBe(
      '“V-Neck T-Shirt”: 1 variation is sold in any Size; Shopify needs one value of each option per variant.',
    );
    expect(found[0]?.action).toContain('TEE-RED-S');
    expect(found[1]?.message).toBe(
      '“V-Neck T-Shirt”: no variation chooses a Logo (every one is sold in any Logo: Yes, No).',
    );
  });

  it('a grouped product: not created, kept with the reason, while the products it offers move on their own', () => {
    const grouped = {
      ...base,
      sourceId: '1006',
      sourceType: 'grouped',
      title: 'Breakfast Set',
      variants: [],
      groupOf: ['1004', '1005'],
    };
    const [row] = toStagedRows(
      'products',
      [{ ok: true, sourceId: '1006', record: grouped, raw: { product: { id: 1006 } } }],
      'p1',
    );
    expect(row).toMatchObject({ sourceId: '1006', status: 'invalid', data: { raw: { product: { id: 1006 } } } });
    expect(row?.reason).toBe(
      `Grouped product: Shopify has no grouped products, so "Breakfast Set" is not created; its 2 products (#1004, #1005) migrate on their own`,
    );
    const [offered] = toStagedRows(
      'products',
      [{ ok: true, sourceId: '1004', record: { ...base, sourceId: '1004', title: 'Egg Cup' }, raw: {} }],
      'p1',
    );
    expect(offered?.status).toBe('staged');
  });
});
