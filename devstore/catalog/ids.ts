// Shopify's global IDs (gid://shopify/Product/123) to and from devstore's numeric row ids.
export function gid(type: string, id: string | number | bigint): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id of a GID of the given type, or undefined when it is not one. */
export function parseGid(value: unknown, type: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  return match && match[1] === type && match[2] ? match[2] : undefined;
}
