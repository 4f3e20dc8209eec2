// The plan prices products, customers and reviews from the staged records by Shopify's documented
// rules: each product's productSet as the load will send it, a call for each recorded consent, and
// metafieldsSet calls of 8 products at 10 + 4 a product.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../connectors/model.ts';
import type { Extracted } from '../../../connectors/source-connector.ts';
import { db } from '../../db/db.server.ts';
import { stagedPoints } from './plan-points.server.ts';
import { planMigration } from './plan.server.ts';
import { stageRows, toStagedRows } from '../staging/records.server.ts';

const SHOP = 'plan-points.myshopify.com';
const standard = { planName: 'Shopify', shopifyPlus: false, partnerDevelopment: false };
const ok = (record: Record<string, unknown>): Extracted => ({
  ok: true,
  sourceId: String(record.sourceId),
  record,
  raw: {},
});

function product(id: number, sizes: string[], images: number) {
  const pictures = Array.from({ length: images }, (_, index) => ({
    sourceId: `${id}-img-${index}`,
    url: `https://old.example.com/${id}-${index}.jpg`,
    alt: '',
    position: index,
  }));
  return {
    sourceId: String(id),
    sourceType: sizes.length > 1 ? 'variable' : 'simple',
    title: `Scarf ${id}`,
    handle: `scarf-${id}`,
    status: 'active',
    options: sizes.length > 1 ? [{ name: 'Size', values: sizes }] : [],
    variants: sizes.map((size, index) => ({
      sourceId: `${id}-${index}`,
      sku: `SC-${id}-${index}`,
      price: '30.00',
      optionValues: sizes.length > 1 ? [{ option: 'Size', value: size }] : [],
      inventoryQuantity: 2,
      imageSourceId: pictures[index]?.sourceId ?? null,
    })),
    images: pictures,
  };
}

const customer = (id: number, consent: boolean) => ({
  sourceId: String(id),
  email: `c${id}@example.com`,
  ...(consent ? { emailMarketing: { state: 'subscribed' } } : {}),
});
const review = (id: number, productSourceId: string, published = true) => ({
  sourceId: String(id),
  productSourceId,
  rating: 5,
  author: 'Ada',
  bodyHtml: 'Warm.',
  published,
  createdAt: '2026-01-02T10:00:00.000Z',
});

let migrationId: string;
async function stage(entity: Entity, records: Record<string, unknown>[]) {
  await db().$transaction((tx) =>
    stageRows(tx, SHOP, migrationId, entity, toStagedRows(entity, records.map(ok), 'p1')),
  );
}

beforeEach(async () => {
  migrationId = (
    await db().migration.create({
      data: {
        shop: SHOP,
        sourcePlatform: 'woocommerce',
        status: 'running',
        entities: ['products', 'customers', 'reviews'],
      },
    })
  ).id;
});

describe('points priced from the staged records', () => {
  it('prices each product by its own productSet: variants, variant files, files, metafields and the variants read back', async () => {
    await stage('products', [product(1, ['S', 'M', 'L'], 2), product(2, ['One size'], 0)]);
    // 1: ceil(10 + 3 × 0.2 + 2 variant files × 0.6 + 1 metafield × 0.4 + 2 files × 1.9) = 16, + 2 + 3 × 1 = 21 (variants read back by id, decision 0036)
    // 2: ceil(10 + 0.2 + 0.4) = 11, + 2 + 1 × 1 = 14
    expect(await stagedPoints(migrationId, 'woocommerce', ['products'])).toEqual({ products: 21 + 14 });
  });

  it('prices customers at customerSet and its metafieldsSet (21), and 10 more for each recorded email consent', async () => {
    await stage('customers', [customer(1, true), customer(2, false), customer(3, false)]);
    expect(await stagedPoints(migrationId, 'woocommerce', ['customers'])).toEqual({ customers: 3 * 21 + 10 });
  });

  it('prices reviews by the products they go onto: 4 a product, 10 a call of 8 products; unpublished reviews move nothing', async () => {
    const onTen = Array.from({ length: 10 }, (_, index) => review(index + 1, `p${index + 1}`));
    await stage('reviews', [...onTen, review(11, 'p1'), review(12, 'p1'), review(13, 'p99', false)]);
    // 10 products: 2 calls (8 + 2).
    expect(await stagedPoints(migrationId, 'woocommerce', ['reviews'])).toEqual({ reviews: 2 * 10 + 10 * 4 });
  });

  it('reaches the plan, which keeps the per-record price for the rest', async () => {
    await stage('products', [product(1, ['S', 'M', 'L'], 2)]);
    const plan = planMigration({ products: 1, collections: 3 }, ['collections', 'products'], standard, {
      priced: await stagedPoints(migrationId, 'woocommerce', ['collections', 'products']),
    });
    expect(plan.entities.map((entity) => [entity.entity, entity.points])).toEqual([
      ['collections', 30],
      ['products', 21],
    ]);
  });
});
