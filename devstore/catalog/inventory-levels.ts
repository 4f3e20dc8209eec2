// Stock of an inventory item at each location ("available" and "on_hand"), and Location objects.
import { batcher, type Args, type RequestContext } from '../graphql/context.ts';
import { gid } from './ids.ts';

export interface LocationRow {
  id: string;
  shop: string;
  name: string;
  is_active: boolean;
  created_at: Date;
}

export interface Level {
  location_id: string;
  available: number;
  onHand: number;
  object: Record<string, unknown>;
}

export const QUANTITY_NAMES = ['available', 'on_hand'] as const;

export function locationObject(row: LocationRow) {
  return {
    __typename: 'Location',
    id: gid('Location', row.id),
    legacyResourceId: String(row.id),
    name: row.name,
    isActive: row.is_active,
    isPrimary: true,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    hasActiveInventory: true,
    createdAt: row.created_at.toISOString(),
  };
}

function locationOf(context: RequestContext, id: string): Promise<LocationRow | null> {
  return batcher<string, LocationRow | null>(
    context,
    'locations',
    async (ids) => {
      const { rows } = await context.pool.query<LocationRow>(
        'SELECT * FROM devstore.locations WHERE shop = $1 AND id = ANY($2::bigint[])',
        [context.shop.domain, ids],
      );
      return new Map(rows.map((row) => [String(row.id), row]));
    },
    null,
  ).get(id);
}

interface LevelRow {
  inventory_item_id: string;
  location_id: string;
  name: string;
  quantity: number;
  updated_at: Date;
}

export function inventoryLevelsOf(context: RequestContext, inventoryItemId: string): Promise<Level[]> {
  return batcher<string, Level[]>(
    context,
    'inventoryLevels',
    async (ids) => {
      const { rows } = await context.pool.query<LevelRow>(
        'SELECT * FROM devstore.inventory_levels WHERE inventory_item_id = ANY($1::bigint[]) ORDER BY location_id',
        [ids],
      );
      const byItem = new Map<string, Map<string, LevelRow[]>>();
      for (const row of rows) {
        const item = byItem.get(String(row.inventory_item_id)) ?? new Map<string, LevelRow[]>();
        item.set(String(row.location_id), [...(item.get(String(row.location_id)) ?? []), row]);
        byItem.set(String(row.inventory_item_id), item);
      }
      const result = new Map<string, Level[]>();
      for (const [itemId, locations] of byItem) {
        result.set(
          itemId,
          [...locations].map(([locationId, quantities]) => levelOf(itemId, locationId, quantities)),
        );
      }
      return result;
    },
    [],
  ).get(inventoryItemId);
}

function levelOf(itemId: string, locationId: string, quantities: LevelRow[]): Level {
  const quantity = (name: string) => quantities.find((row) => row.name === name)?.quantity ?? 0;
  const updatedAt = quantities.reduce(
    (latest, row) => (row.updated_at > latest ? row.updated_at : latest),
    new Date(0),
  );
  return {
    location_id: locationId,
    available: quantity('available'),
    onHand: quantity('on_hand'),
    object: {
      __typename: 'InventoryLevel',
      id: `${gid('InventoryLevel', locationId)}?inventory_item_id=${itemId}`,
      isActive: true,
      createdAt: updatedAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      quantities: (args: Args) =>
        (Array.isArray(args.names) ? (args.names as string[]) : []).map((name) => ({
          __typename: 'InventoryQuantity',
          id: `${gid('InventoryQuantity', locationId)}?inventory_item_id=${itemId}&name=${name}`,
          name,
          quantity: quantity(name),
          updatedAt: updatedAt.toISOString(),
        })),
      location: async (_args: Args, context: RequestContext) => {
        const row = await locationOf(context, locationId);
        return row ? locationObject(row) : null;
      },
    },
  };
}
