// Load products: productSet per staged product, its collections joined in the same call; once all
// are written, those shoppers could see at the source are published on the merchant's sales
// channels by a bulk operation (bulk-publishing.server.ts). Each variant's Shopify id is kept in the
// id map (entity 'variants') so migrated orders can link to it. Products Shopify's daily variant limit holds back wait for a later
// batch (variant-limit.server.ts).
// A URL slug the store already uses for something Shipyard did not write (a product made by hand
// before the migration) is refused by Shopify; the product is then written without it, Shopify
// makes the handle, and the old URL's redirect points to that. A title or tag longer than Shopify
// allows is kept back or cut, as the merchant chose (decision 0019).
import type { ProductRecord } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { type ProductContext, productLongText, toProductSetVariables } from './input.server.ts';
import { chosenChannels, wantedChannels, writeAndPublish } from './publishing.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import { type BatchResult, batchResult, eachRecord, nextBatch, recordSkipped } from '../../staging/outcomes.server.ts';
import { isVariantLimit, neverFits } from '../../../shopify-admin/limits/variant-limit.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { cutReport, keptBackReason } from '../long-text-rule.server.ts';
import {
  PRODUCT_SET,
  type ProductSetData,
  type ProductSetVariables,
  type WrittenVariant,
} from '../../../shopify-admin/graphql/products.ts';
import { productSetCost } from '../../../shopify-admin/costs.server.ts';
import { waitForVariantLimit } from './variant-limit-wait.server.ts';
import { migrationOptions } from '../../options.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';

/**
 * Pairs each source variant with the Shopify variant in its place, and keeps the link. Every variant
 * is sent with its position (1, 2, …, in the order of the source's variants) and Shopify reads them
 * back in position order, so the nth variant read back is the nth sent, on a re-sync too: productSet
 * replaces the whole list (docs/decisions/0036-variants-matched-by-position.md). Variants past those
 * read back (more than a page, or than fit in 1,000 points) get no link.
 */
export async function recordVariants(
  shop: string,
  platform: string,
  product: ProductRecord,
  variables: ProductSetVariables,
  written: WrittenVariant[],
): Promise<void> {
  const sent = variables.input.variants as { position: number }[];
  const links = sent.flatMap((variant, index) => {
    const source = product.variants[index];
    const gid = written[variant.position - 1]?.id;
    return source && gid ? [{ sourceId: source.sourceId, shopifyGid: gid }] : [];
  });
  await db().$transaction(
    links.map((link) =>
      db().idMapEntry.upsert({
        where: { shop_platform_entity_sourceId: { shop, platform, entity: 'variants', sourceId: link.sourceId } },
        create: {
          shop,
          platform,
          entity: 'variants',
          sourceId: link.sourceId,
          shopifyGid: link.shopifyGid,
          handle: null,
          contentHash: '',
        },
        update: { shopifyGid: link.shopifyGid },
      }),
    ),
  );
}

/** What the product transform needs to know beyond the product: location, collections, unreachable images. */
export async function productContext(migrationId: string, shop: string, writer: Writer) {
  const collections = await db().idMapEntry.findMany({
    where: { shop, platform: writer.platform, entity: 'collections' },
  });
  const categories = await db().sourceRecord.findMany({
    where: { migrationId, entity: 'collections', status: { not: 'invalid' } },
    select: { sourceId: true, data: true },
  });
  const unreachable = await db().migrationProblem.findMany({
    where: { migrationId, code: 'image-unreachable' },
    select: { subject: true },
  });
  const sharedHandles = await db().migrationProblem.findMany({
    where: { migrationId, code: 'duplicate-handle' },
    select: { sourceId: true },
  });
  const { options: stored } = await db().migration.findUniqueOrThrow({
    where: { id: migrationId },
    select: { options: true },
  });
  return {
    longText: migrationOptions(stored).longText,
    platform: writer.platform,
    locationId: writer.locationId,
    collectionIds: new Map(collections.map((entry) => [entry.sourceId, entry.shopifyGid])),
    collectionParents: new Map(
      categories.map((row) => [row.sourceId, stagedRecord('collections', row).parentSourceId ?? null]),
    ),
    unreachableImages: new Set(unreachable.flatMap((problem) => (problem.subject ? [problem.subject] : []))),
    handlesLeftToShopify: new Set(sharedHandles.flatMap((problem) => (problem.sourceId ? [problem.sourceId] : []))),
  };
}

type ProductSetResult = NonNullable<ProductSetData['productSet']['product']>;

/** Why the product is kept back instead of sent (text too long, and the merchant chose not to cut); null when it goes. */
export function keptBackForLength(record: ProductRecord, context: ProductContext): string | null {
  const tooLong = productLongText(record);
  return tooLong.length > 0 && context.longText !== 'cut' ? keptBackReason(tooLong) : null;
}

/** What was cut to fit Shopify, for the written record's reason; null when nothing was. */
export function cutNote(record: ProductRecord, context: ProductContext): string | null {
  const cut = context.longText === 'cut' ? productLongText(record) : [];
  return cut.length > 0 ? cutReport(cut) : null;
}

/** One productSet request; a handle the store already uses is dropped and the product sent again. */
export async function writeProduct(
  writer: Writer,
  variables: ProductSetVariables,
): Promise<{ product: ProductSetResult } | { failed: string }> {
  const { data } = await writer.client.request<ProductSetData>(
    PRODUCT_SET,
    { ...variables },
    { estimatedCost: productSetCost(variables) },
  );
  const { product, userErrors } = data.productSet;
  if (product && userErrors.length === 0) return { product };
  if (variables.input.handle && handleTaken(userErrors)) {
    const { handle: _taken, ...input } = variables.input;
    return writeProduct(writer, { ...variables, input });
  }
  return { failed: describeUserErrors(userErrors) || 'Shopify returned no product' };
}

export function handleTaken(userErrors: UserError[]): boolean {
  return userErrors.length > 0 && userErrors.every((error) => error.code === 'HANDLE_NOT_UNIQUE');
}

export async function loadProductBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop, options: stored } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const options = migrationOptions(stored);
  const skipExisting = options.existingRecords === 'skip';
  const rows = await nextBatch(migrationId, 'products', afterId);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'products',
    rows.map((row) => row.sourceId),
  );
  const context = await productContext(migrationId, shop, writer);
  const channels = await chosenChannels(options.channels, shop, writer.client);
  const result = batchResult(rows);

  // The first product Shopify's daily variant limit held back: it and those after it wait for the next batch.
  let heldBack: bigint | null = null;

  await eachRecord(rows, writer.concurrency, result, async (row) => {
    if (heldBack !== null && row.id > heldBack) return;
    const known = mapped.get(row.sourceId);
    const record = stagedRecord('products', row);
    // Products go on their channels once all are written, by a bulk operation that spends no points (10 a product otherwise).
    const how = {
      shop,
      platform: writer.platform,
      entity: 'products',
      client: writer.client,
      skipExisting,
      wanted: wantedChannels(record, channels),
      publishLater: true,
    };
    await writeAndPublish(row, known, how, result, async () => {
      const keptBack = keptBackForLength(record, context);
      if (keptBack) {
        await recordSkipped(row, keptBack);
        result.failed++;
        return { settled: true };
      }
      const variables = toProductSetVariables(record, context, known?.shopifyGid ?? null);
      let outcome: Awaited<ReturnType<typeof writeProduct>>;
      try {
        outcome = await writeProduct(writer, variables);
      } catch (error) {
        if (!isVariantLimit(error)) throw error;
        const never = neverFits((variables.input.variants as unknown[]).length);
        if (never) return { failed: never };
        if (heldBack === null || row.id < heldBack) heldBack = row.id;
        return { settled: true };
      }
      if ('failed' in outcome) return outcome;
      const { product } = outcome;
      await recordVariants(shop, writer.platform, record, variables, product.variants.nodes);
      await recordWritten(shop, writer.platform, 'products', row, product.id, product.handle, cutNote(record, context));
      return { id: product.id };
    });
  });
  if (heldBack !== null) return { ...result, next: heldBack - 1n, notBefore: await waitForVariantLimit(migrationId) };
  return result;
}
