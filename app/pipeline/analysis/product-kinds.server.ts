// The analysis' word on products Shopify cannot sell as the old store did: affiliate (external)
// products, downloadable ones, and variations sold in "any" value of an option (decision 0025).
import type { ProductRecord } from '../../../connectors/model.ts';
import type { Finding } from './findings.server.ts';
import { DOWNLOADABLE_TAG, EXTERNAL_TAG } from '../entities/products/input.server.ts';

type Add = (code: string, message: string, action: string) => void;

function external(product: ProductRecord, add: Add): void {
  if (!product.soldElsewhere) return;
  const { url, buttonText } = product.soldElsewhere;
  add(
    'external-product',
    `“${product.title}” is an external (affiliate) product: shoppers buy it on another site${url ? ` (${url})` : ''} through the button “${buttonText}”. Shopify has no such products, so it could be paid for in your store.`,
    `Moves as a draft, on no sales channel, tagged “${EXTERNAL_TAG}”, with the link and button text in the metafields shipyard.external_url and shipyard.button_text. To send shoppers on, add a buy-button or affiliate-link app (or link the product's button in your theme to the metafield), then make it active; or delete it.`,
  );
}

function downloadable(product: ProductRecord, add: Add): void {
  if (!product.downloads) return;
  const names = product.downloads.map((file) => `“${file.name}”`).join(', ');
  add(
    'downloadable-product',
    `“${product.title}” sells ${product.downloads.length === 1 ? 'a file' : `${product.downloads.length} files`} for download (${names}). Shopify delivers no files by itself: buyers would get nothing after paying.`,
    `Moves tagged “${DOWNLOADABLE_TAG}”, with the download links (to your old store, never the files themselves) in the metafield shipyard.downloads. Before selling it, install a digital downloads app (such as Shopify's free Digital Downloads) and attach the files there; the links stop working when the old store closes.`,
  );
}

function anyValue(product: ProductRecord, add: Add): void {
  const made = product.variants.filter((variant) => variant.madeFrom);
  if (made.length > 0) {
    const from = new Map(made.map((variant) => [variant.madeFrom?.sourceId ?? '', variant.madeFrom?.open ?? []]));
    const open = [...new Set([...from.values()].flat())].join(', ');
    const example = made.find((variant) => variant.sku)?.sku;
    add(
      'any-value-variation',
      `“${product.title}”: ${from.size} variation${from.size > 1 ? 's are' : ' is'} sold in any ${open}; Shopify needs one value of each option per variant.`,
      `Each becomes one variant per ${open} (${made.length} variants in all), at the variation's price${example ? `, its SKU with the value added (such as “${example}”)` : ''}. A tracked stock count is shared out between them, as evenly as whole units allow, so Shopify never sells more than you have: recount it per variant. Past orders of such a variation are linked to the variant of the value the shopper chose, as your old store recorded it on the order; a line whose choice is not recorded moves as a custom item.`,
    );
  }
  for (const option of product.openOptions ?? []) {
    add(
      'any-value-option',
      `“${product.title}”: no variation chooses a ${option.name} (every one is sold in any ${option.name}: ${option.values.join(', ')}).`,
      `${option.name} does not become an option, so shoppers do not pick it in Shopify; its values are kept on the product as a metafield (as attributes that are not options are). If shoppers must choose it, add ${option.name} as an option in Shopify.`,
    );
  }
}

/**
 * Why a product is not created at all, or null: a grouped product (a page offering other products)
 * has no counterpart in Shopify, whose products are what is sold; the products it offers move on
 * their own. Staging keeps it back with this reason, as a record the model cannot hold is kept.
 */
export function productKeptBack(product: ProductRecord): string | null {
  if (!product.groupOf) return null;
  return `Grouped product: Shopify has no grouped products, so "${product.title}" is not created; its ${product.groupOf.length} products (#${product.groupOf.join(', #')}) migrate on their own`;
}

/** Findings for what kind of product it is at the source, beyond what Shopify's limits say. */
export function productKindFindings(product: ProductRecord): Finding[] {
  const found: Finding[] = [];
  const add: Add = (code, message, action) =>
    found.push({ entity: 'products', sourceId: product.sourceId, code, message, action });
  external(product, add);
  downloadable(product, add);
  anyValue(product, add);
  return found;
}
