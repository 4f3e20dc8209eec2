// Locations, inventory items and `inventorySetQuantities` (compare-and-set with changeFromQuantity, as of 2026-04).
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { connectionOf } from './connection.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { gid, parseGid } from './ids.ts';
import { locationObject, QUANTITY_NAMES, type LocationRow } from './inventory-levels.ts';
import { inventoryItemObject } from './product-objects.ts';
import type { VariantRow } from './product-rows.ts';

/** The reasons Shopify accepts for a quantity change. */
const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

const MAX_QUANTITY = 1_000_000_000;

/** A shop has a handful of locations, so they are sorted in memory (by NAME, Shopify's default, or ID). */
async function locations(args: Args, context: RequestContext) {
  const sortKey = typeof args.sortKey === 'string' ? args.sortKey : 'NAME';
  if (sortKey !== 'NAME' && sortKey !== 'ID') throw new NotImplementedError(`locations sortKey ${sortKey}`);
  if (typeof args.query === 'string' && args.query.trim()) throw new NotImplementedError('locations query');
  const { rows } = await context.pool.query<LocationRow>(
    'SELECT * FROM devstore.locations WHERE shop = $1 AND ($2 OR is_active) ORDER BY id',
    [context.shop.domain, args.includeInactive === true],
  );
  if (sortKey === 'NAME') rows.sort((a, b) => a.name.localeCompare(b.name) || Number(a.id) - Number(b.id));
  if (args.reverse === true) rows.reverse();
  return connectionOf(
    rows,
    args,
    (row) => (sortKey === 'NAME' ? { id: row.id, value: row.name } : row.id),
    locationObject,
  );
}

async function location(args: Args, context: RequestContext) {
  const id = args.id === undefined || args.id === null ? undefined : parseGid(args.id, 'Location');
  const { rows } = await context.pool.query<LocationRow>(
    `SELECT * FROM devstore.locations WHERE shop = $1 AND ($2::bigint IS NULL OR id = $2) ORDER BY id LIMIT 1`,
    [context.shop.domain, id ?? (args.id ? -1 : null)],
  );
  return rows[0] ? locationObject(rows[0]) : null;
}

async function inventoryItem(args: Args, context: RequestContext) {
  const id = parseGid(args.id, 'InventoryItem');
  if (!id) return null;
  const { rows } = await context.pool.query<VariantRow>(
    'SELECT * FROM devstore.variants WHERE shop = $1 AND inventory_item_id = $2',
    [context.shop.domain, id],
  );
  return rows[0] ? inventoryItemObject(rows[0]) : null;
}

interface QuantityInput {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  changeFromQuantity?: number | null;
}

function payload(group: unknown, userErrors: { field: string[]; message: string; code: string }[]) {
  return {
    __typename: 'InventorySetQuantitiesPayload',
    inventoryAdjustmentGroup: group,
    userErrors: userErrors.map((error) => ({ __typename: 'InventorySetQuantitiesUserError', ...error })),
  };
}

async function inventorySetQuantities(args: Args, context: RequestContext) {
  const input = args.input as {
    name: string;
    reason: string;
    referenceDocumentUri?: string | null;
    quantities: QuantityInput[];
  };
  const errors: { field: string[]; message: string; code: string }[] = [];
  if (!(QUANTITY_NAMES as readonly string[]).includes(input.name))
    errors.push({
      field: ['input', 'name'],
      message: "The quantity name must be either 'available' or 'on_hand'.",
      code: 'INVALID_NAME',
    });
  if (!REASONS.has(input.reason))
    errors.push({ field: ['input', 'reason'], message: 'The specified reason is invalid.', code: 'INVALID_REASON' });
  const seen = new Set<string>();
  const resolved: { itemId: string; locationId: string; quantity: number; changeFrom: number | null | undefined }[] =
    [];
  for (const [index, quantity] of input.quantities.entries()) {
    const at = ['input', 'quantities', String(index)];
    const itemId = parseGid(quantity.inventoryItemId, 'InventoryItem');
    const locationId = parseGid(quantity.locationId, 'Location');
    const item = itemId
      ? await context.pool.query('SELECT 1 FROM devstore.variants WHERE shop = $1 AND inventory_item_id = $2', [
          context.shop.domain,
          itemId,
        ])
      : undefined;
    const place = locationId
      ? await context.pool.query('SELECT 1 FROM devstore.locations WHERE shop = $1 AND id = $2', [
          context.shop.domain,
          locationId,
        ])
      : undefined;
    if (!itemId || !item?.rowCount)
      errors.push({
        field: [...at, 'inventoryItemId'],
        message: 'The specified inventory item could not be found.',
        code: 'INVALID_INVENTORY_ITEM',
      });
    if (!locationId || !place?.rowCount)
      errors.push({
        field: [...at, 'locationId'],
        message: 'The specified location could not be found.',
        code: 'INVALID_LOCATION',
      });
    if (quantity.quantity < 0 && input.name === 'on_hand')
      errors.push({
        field: [...at, 'quantity'],
        message: "The quantity can't be negative.",
        code: 'INVALID_QUANTITY_NEGATIVE',
      });
    if (quantity.quantity > MAX_QUANTITY)
      errors.push({
        field: [...at, 'quantity'],
        message: "The total quantity can't be higher than 1,000,000,000.",
        code: 'INVALID_QUANTITY_TOO_HIGH',
      });
    // Since 2026-04 omitting changeFromQuantity is an error; an explicit null opts out of the check.
    if (!Object.hasOwn(quantity, 'changeFromQuantity'))
      errors.push({
        field: [...at, 'changeFromQuantity'],
        message: 'The changeFromQuantity argument must be given to each quantity; pass null to skip the check.',
        code: 'COMPARE_QUANTITY_REQUIRED',
      });
    const key = `${itemId}/${locationId}`;
    if (seen.has(key))
      errors.push({
        field: [...at],
        message: 'The combination of inventoryItemId and locationId must be unique.',
        code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
      });
    seen.add(key);
    if (itemId && locationId)
      resolved.push({ itemId, locationId, quantity: quantity.quantity, changeFrom: quantity.changeFromQuantity });
  }
  if (errors.length) return payload(null, errors);

  const client = await context.pool.connect();
  const changes: Record<string, unknown>[] = [];
  try {
    await client.query('BEGIN');
    for (const [index, change] of resolved.entries()) {
      const { rows } = await client.query<{ quantity: number }>(
        'SELECT quantity FROM devstore.inventory_levels WHERE inventory_item_id = $1 AND location_id = $2 AND name = $3 FOR UPDATE',
        [change.itemId, change.locationId, input.name],
      );
      const before = rows[0]?.quantity ?? 0;
      if (change.changeFrom !== null && change.changeFrom !== undefined && change.changeFrom !== before) {
        await client.query('ROLLBACK');
        return payload(null, [
          {
            field: ['input', 'quantities', String(index), 'changeFromQuantity'],
            message: 'The changeFromQuantity value does not match persisted value.',
            code: 'CHANGE_FROM_QUANTITY_STALE',
          },
        ]);
      }
      await setLevel(client, change.itemId, change.locationId, input.name, change.quantity);
      // Shopify keeps on_hand and available moving together when nothing is committed or reserved.
      const other = input.name === 'available' ? 'on_hand' : 'available';
      await setLevel(client, change.itemId, change.locationId, other, change.quantity);
      changes.push({
        __typename: 'InventoryChange',
        name: input.name,
        delta: change.quantity - before,
        quantityAfterChange: change.quantity,
        ledgerDocumentUri: null,
        item: null,
        location: null,
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const createdAt = new Date().toISOString();
  return payload(
    {
      __typename: 'InventoryAdjustmentGroup',
      id: gid('InventoryAdjustmentGroup', Date.now()),
      createdAt,
      reason: input.reason,
      referenceDocumentUri: input.referenceDocumentUri ?? null,
      changes,
    },
    [],
  );
}

export async function setLevel(
  client: { query: (text: string, values: unknown[]) => Promise<unknown> },
  itemId: string,
  locationId: string,
  name: string,
  quantity: number,
): Promise<void> {
  await client.query(
    `INSERT INTO devstore.inventory_levels (inventory_item_id, location_id, name, quantity) VALUES ($1, $2, $3, $4)
     ON CONFLICT (inventory_item_id, location_id, name) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
    [itemId, locationId, name, quantity],
  );
}

export const inventoryModule: ResolverModule = {
  queries: { locations, location, inventoryItem },
  nodes: {
    Location: (context, id) => location({ id: gid('Location', id) }, context),
    InventoryItem: (context, id) => inventoryItem({ id: gid('InventoryItem', id) }, context),
  },
  mutations: { inventorySetQuantities },
};
