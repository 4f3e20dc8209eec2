// Shopify's global IDs (gid://shopify/Product/123) to and from devstore's numeric row ids.
export function gid(type: string, id: string | number | bigint): string {
  return `gid://shopify/${type}/${id}`;
}

/**
 * A GID's type and numeric id, or undefined when it is not a GID of a row devstore could hold: its
 * rows' ids are PostgreSQL bigints, so an id longer than 18 digits names nothing (and never reaches
 * a query, where it would not fit). A query string (InventoryLevel's `?inventory_item_id=`) is allowed.
 */
export function parseAnyGid(value: unknown): { type: string; id: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d{1,18})(?:\?.*)?$/.exec(value);
  return match?.[1] && match[2] ? { type: match[1], id: match[2] } : undefined;
}

/** The numeric id of a GID of the given type, or undefined when it is not one. */
export function parseGid(value: unknown, type: string): string | undefined {
  const parsed = parseAnyGid(value);
  return parsed?.type === type ? parsed.id : undefined;
}
