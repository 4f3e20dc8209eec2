// How a source product's variation attributes become Shopify options. Shopify allows 3 options;
// a product that varies by more keeps its first 3 attributes as options when they still tell every
// variant apart. When they do not (a shirt in the same colour and size, once plain and once
// striped), the third option becomes the remaining attributes together ("Material / Style" with
// values "Cotton / Striped"): otherwise two variants would carry the same options and Shopify
// would refuse the product. Either way each attribute beyond the third is also kept on the
// variant as a metafield, so nothing is lost for filters or themes that read it.
import type { ProductRecord } from '../../../../connectors/model.ts';
import { MAX_OPTIONS } from '../../../shopify-admin/limits/input-limits.server.ts';

export interface OptionLayout {
  /** The options as Shopify gets them, in order, with their values. */
  options: { name: string; values: string[] }[];
  /** The attributes beyond the third, kept as variant metafields. */
  extra: string[];
  /** Whether the third option joins several attributes (the first 3 did not tell variants apart). */
  joined: boolean;
  /** Each variant's value for each option, in the options' order (variants in source order). */
  valuesOf: (variant: ProductRecord['variants'][number]) => string[];
}

const JOIN = ' / ';

export function optionLayout(product: Pick<ProductRecord, 'options' | 'variants'>): OptionLayout {
  const valueOf = (variant: ProductRecord['variants'][number], option: { name: string; values: string[] }) =>
    variant.optionValues.find((entry) => entry.option === option.name)?.value ?? option.values[0] ?? '';
  const kept = product.options.slice(0, MAX_OPTIONS);
  const extra = product.options.slice(MAX_OPTIONS).map((option) => option.name);
  const plain = (variant: ProductRecord['variants'][number]) => kept.map((option) => valueOf(variant, option));
  if (extra.length === 0 || distinct(product.variants.map(plain))) {
    return { options: kept, extra, joined: false, valuesOf: plain };
  }

  const tail = product.options.slice(MAX_OPTIONS - 1);
  const head = product.options.slice(0, MAX_OPTIONS - 1);
  const valuesOf = (variant: ProductRecord['variants'][number]) => [
    ...head.map((option) => valueOf(variant, option)),
    tail.map((option) => valueOf(variant, option)).join(JOIN),
  ];
  const joinedValues = [...new Set(product.variants.map((variant) => valuesOf(variant).at(-1) as string))];
  return {
    options: [...head, { name: tail.map((option) => option.name).join(JOIN), values: joinedValues }],
    extra,
    joined: true,
    valuesOf,
  };
}

function distinct(rows: string[][]): boolean {
  const seen = new Set(rows.map((values) => JSON.stringify(values)));
  return seen.size === rows.length;
}
