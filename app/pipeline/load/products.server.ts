// Load products: productSet per staged product, its collections joined in the same call; each
// variant's Shopify id is kept in the id map (entity 'variants') so migrated orders can link to it.
import type { ProductRecord } from '../../../connectors/model.ts';
import { db } from '../../db.server.ts';
import { PRODUCT_SET, type ProductSetVariables, toProductSetVariables, variantKey } from '../transform/product.server.ts';
import {
  type BatchResult, type UserError, type Writer, batchResult, describeUserErrors, idMapFor, inParallel, nextBatch, recordFailed, recordUnchanged, recordWritten,
} from './shared.server.ts';

interface WrittenVariant {
  id: string;
  selectedOptions: { name: string; value: string }[];
}

interface ProductSetData {
  productSet: { product: { id: string; handle: string; variants: { nodes: WrittenVariant[] } } | null; userErrors: UserError[] };
}

/** Pairs each source variant with the Shopify variant that has its option values, and keeps the link. */
async function recordVariants(shop: string, platform: string, product: ProductRecord, variables: ProductSetVariables, written: WrittenVariant[]): Promise<void> {
  const byKey = new Map(written.map((variant) => [variantKey(variant.selectedOptions), variant.id]));
  const sent = variables.input.variants as { optionValues: { optionName: string; name: string }[] }[];
  const links = sent.flatMap((variant, index) => {
    const source = product.variants[index];
    const gid = byKey.get(variantKey(variant.optionValues.map((value) => ({ name: value.optionName, value: value.name }))));
    return source && gid ? [{ sourceId: source.sourceId, shopifyGid: gid }] : [];
  });
  await db().$transaction(
    links.map((link) =>
      db().idMapEntry.upsert({
        where: { shop_platform_entity_sourceId: { shop, platform, entity: 'variants', sourceId: link.sourceId } },
        create: { shop, platform, entity: 'variants', sourceId: link.sourceId, shopifyGid: link.shopifyGid, handle: null, contentHash: '' },
        update: { shopifyGid: link.shopifyGid },
      }),
    ),
  );
}

/** What the product transform needs to know beyond the product: location, collections, unreachable images. */
export async function productContext(migrationId: string, shop: string, writer: Writer) {
  const collections = await db().idMapEntry.findMany({ where: { shop, platform: writer.platform, entity: 'collections' } });
  const categories = await db().sourceRecord.findMany({ where: { migrationId, entity: 'collections', status: { not: 'invalid' } }, select: { sourceId: true, data: true } });
  const unreachable = await db().migrationProblem.findMany({ where: { migrationId, code: 'image-unreachable' }, select: { subject: true } });
  return {
    platform: writer.platform,
    locationId: writer.locationId,
    collectionIds: new Map(collections.map((entry) => [entry.sourceId, entry.shopifyGid])),
    collectionParents: new Map(categories.map((row) => [row.sourceId, (row.data as { parentSourceId?: string | null }).parentSourceId ?? null])),
    unreachableImages: new Set(unreachable.flatMap((problem) => (problem.subject ? [problem.subject] : []))),
  };
}

export async function loadProductBatch(migrationId: string, afterId: bigint | null, writer: Writer): Promise<BatchResult> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const rows = await nextBatch(migrationId, 'products', afterId);
  const mapped = await idMapFor(shop, writer.platform, 'products', rows.map((row) => row.sourceId));
  const context = await productContext(migrationId, shop, writer);
  const result = batchResult(rows);

  await inParallel(rows, writer.concurrency, async (row) => {
    const known = mapped.get(row.sourceId);
    if (known && known.contentHash === row.contentHash) {
      await recordUnchanged(row);
      result.unchanged++;
      return;
    }
    const record = row.data as unknown as ProductRecord;
    const variables = toProductSetVariables(record, context, known?.shopifyGid ?? null);
    const { data } = await writer.client.request<ProductSetData>(PRODUCT_SET, { ...variables }, { estimatedCost: 10 });
    const { product, userErrors } = data.productSet;
    if (userErrors.length > 0 || !product) {
      await recordFailed(row, describeUserErrors(userErrors) || 'Shopify returned no product');
      result.failed++;
      return;
    }
    await recordVariants(shop, writer.platform, record, variables, product.variants.nodes);
    await recordWritten(shop, writer.platform, 'products', row, product.id, product.handle);
    result.written++;
  });
  return result;
}
