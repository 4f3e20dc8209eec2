// Load products: productSet per staged product (its collections joined in the same call).
import type { ProductRecord } from '../../../connectors/model.ts';
import { db } from '../../db.server.ts';
import { PRODUCT_SET, toProductSetVariables } from '../transform/product.server.ts';
import { type BatchResult, LOAD_BATCH, type UserError, type Writer, describeUserErrors, inParallel } from './shared.server.ts';

interface ProductSetData {
  productSet: { product: { id: string; handle: string } | null; userErrors: UserError[] };
}

export async function loadProductBatch(migrationId: string, afterId: bigint | null, writer: Writer): Promise<BatchResult> {
  const migration = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const shop = migration.shop;
  const rows = await db().sourceRecord.findMany({
    where: { migrationId, entity: 'products', status: { in: ['staged', 'written', 'failed'] }, ...(afterId === null ? {} : { id: { gt: afterId } }) },
    orderBy: { id: 'asc' },
    take: LOAD_BATCH,
  });
  const mapped = new Map(
    (await db().idMapEntry.findMany({ where: { shop, platform: writer.platform, entity: 'products', sourceId: { in: rows.map((row) => row.sourceId) } } })).map((entry) => [entry.sourceId, entry]),
  );
  const collectionIds = new Map(
    (await db().idMapEntry.findMany({ where: { shop, platform: writer.platform, entity: 'collections' } })).map((entry) => [entry.sourceId, entry.shopifyGid]),
  );
  const collectionParents = new Map(
    (await db().sourceRecord.findMany({ where: { migrationId, entity: 'collections', status: { not: 'invalid' } }, select: { sourceId: true, data: true } })).map(
      (row) => [row.sourceId, (row.data as { parentSourceId?: string | null }).parentSourceId ?? null],
    ),
  );
  const unreachableImages = new Set(
    (await db().migrationProblem.findMany({ where: { migrationId, code: 'image-unreachable' }, select: { subject: true } })).flatMap((problem) => (problem.subject ? [problem.subject] : [])),
  );
  const context = { platform: writer.platform, locationId: writer.locationId, collectionIds, collectionParents, unreachableImages };
  const result: BatchResult = { next: rows.length === LOAD_BATCH ? (rows.at(-1)?.id ?? null) : null, written: 0, unchanged: 0, failed: 0 };

  await inParallel(rows, writer.concurrency, async (row) => {
    const known = mapped.get(row.sourceId);
    if (known && known.contentHash === row.contentHash) {
      if (row.status !== 'written') await db().sourceRecord.update({ where: { id: row.id }, data: { status: 'written', reason: null } });
      result.unchanged++;
      return;
    }
    const variables = toProductSetVariables(row.data as unknown as ProductRecord, context, known?.shopifyGid ?? null);
    const { data } = await writer.client.request<ProductSetData>(PRODUCT_SET, { ...variables }, { estimatedCost: 10 });
    const { product, userErrors } = data.productSet;
    if (userErrors.length > 0 || !product) {
      await db().sourceRecord.update({ where: { id: row.id }, data: { status: 'failed', reason: describeUserErrors(userErrors) || 'Shopify returned no product' } });
      result.failed++;
      return;
    }
    await db().$transaction([
      db().idMapEntry.upsert({
        where: { shop_platform_entity_sourceId: { shop, platform: writer.platform, entity: 'products', sourceId: row.sourceId } },
        create: { shop, platform: writer.platform, entity: 'products', sourceId: row.sourceId, shopifyGid: product.id, contentHash: row.contentHash ?? '' },
        update: { shopifyGid: product.id, contentHash: row.contentHash ?? '' },
      }),
      db().sourceRecord.update({ where: { id: row.id }, data: { status: 'written', reason: null } }),
    ]);
    result.written++;
  });
  return result;
}
