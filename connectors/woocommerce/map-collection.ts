// A WooCommerce product category as a canonical Collection. Its old address needs the slugs of all
// its parents (/product-category/clothing/men/shirts/), which may sit on other pages, so parents are
// looked up by id and remembered for the connector's lifetime.
import { Collection } from '../model.ts';
import { type Extracted, SourceError } from '../source-connector.ts';
import { schemaReason, WooCategory } from './responses.ts';
import { decodeEntities, decodeSlug } from './text.ts';

/** WooCommerce's default category base; a store that renamed it in Settings → Permalinks differs. */
const CATEGORY_BASE = 'product-category';
const MAX_DEPTH = 20;

export class CategoryTree {
  private readonly known = new Map<number, { slug: string; parent: number }>();
  private readonly fetchCategory: (id: number) => Promise<unknown>;

  constructor(fetchCategory: (id: number) => Promise<unknown>) {
    this.fetchCategory = fetchCategory;
  }

  remember(category: WooCategory): void {
    this.known.set(category.id, { slug: category.slug, parent: category.parent });
  }

  /** The category's path on the old store, or a reason when its parent chain cannot be followed. */
  async path(category: WooCategory): Promise<string> {
    const slugs = [category.slug];
    const seen = new Set([category.id]);
    let parent = category.parent;
    while (parent !== 0) {
      if (seen.has(parent) || seen.size > MAX_DEPTH)
        throw new Error(`category #${category.id} has a parent chain that loops back on itself`);
      seen.add(parent);
      let found = this.known.get(parent);
      if (!found) {
        const fetched = WooCategory.safeParse(await this.fetchCategory(parent));
        if (!fetched.success)
          throw new Error(`parent category #${parent} could not be read (${schemaReason(fetched.error)})`);
        this.remember(fetched.data);
        found = this.known.get(parent);
      }
      if (!found) break;
      slugs.unshift(found.slug);
      parent = found.parent;
    }
    return `/${CATEGORY_BASE}/${slugs.join('/')}/`;
  }
}

export async function mapCategory(raw: unknown, tree: CategoryTree, storeUrl: string): Promise<Extracted> {
  const parsed = WooCategory.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      sourceId: null,
      reason: `WooCommerce sent a category Shipyard cannot read (${schemaReason(parsed.error)})`,
      raw,
    };
  const category = parsed.data;
  const sourceId = String(category.id);
  let sourcePath: string;
  try {
    sourcePath = await tree.path(category);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    return { ok: false, sourceId, reason: error instanceof Error ? error.message : String(error), raw };
  }
  let image = null;
  if (category.image) {
    try {
      image = {
        sourceId: String(category.image.id),
        url: new URL(category.image.src, storeUrl).href,
        alt: decodeEntities(category.image.alt),
        position: 0,
      };
    } catch {
      return {
        ok: false,
        sourceId,
        reason: `category image #${category.image.id} has the address "${category.image.src}", which is not a web address`,
        raw,
      };
    }
  }
  const title = decodeEntities(category.name).trim();
  const candidate = Collection.safeParse({
    sourceId,
    title,
    handle: decodeSlug(category.slug),
    descriptionHtml: category.description,
    parentSourceId: category.parent ? String(category.parent) : null,
    image,
    sourcePath,
    sortOrder: category.menu_order,
  });
  if (!candidate.success)
    return {
      ok: false,
      sourceId,
      reason: title
        ? `category does not fit Shipyard’s catalog model (${schemaReason(candidate.error)})`
        : 'category has no name; give it one in Products → Categories',
      raw,
    };
  return { ok: true, sourceId, record: candidate.data, raw };
}
