// Every metafield type Shopify lists, and the values each takes. The schema points at the list
// (MetafieldsSetInput.type: "one of the supported types", https://shopify.dev/apps/metafields/types);
// the measurement types are those of Liquid's `measurement` object
// (https://shopify.dev/docs/api/liquid/objects/measurement), the reference types those the schema's
// MetafieldReference union can return. Shopify does not document its messages for a refused value:
// these are devstore's, under Shopify's code (INVALID_VALUE).

/** Types whose value is the string itself. */
const TEXT_TYPES = [
  'single_line_text_field',
  'multi_line_text_field',
  'number_integer',
  'number_decimal',
  'boolean',
  'date',
  'date_time',
  'url',
  'color',
  'id',
];
/** Types whose value is JSON. */
const JSON_TYPES = ['json', 'rich_text_field', 'rating', 'money', 'link'];

/** A measurement is `{"value": 2.5, "unit": "kg"}`. Units are documented for these three. */
const UNITS: Record<string, string[]> = {
  dimension: ['in', 'ft', 'yd', 'mm', 'cm', 'm'],
  volume: ['ml', 'cl', 'l', 'm3', 'us_fl_oz', 'us_pt', 'us_qt', 'us_gal', 'imp_fl_oz', 'imp_pt', 'imp_qt', 'imp_gal'],
  weight: ['oz', 'lb', 'g', 'kg'],
};
const MEASUREMENT_TYPES = [
  'antenna_gain',
  'area',
  'battery_charge_capacity',
  'battery_energy_capacity',
  'capacitance',
  'concentration',
  'data_storage_capacity',
  'data_transfer_rate',
  'dimension',
  'distance',
  'display_density',
  'duration',
  'electric_current',
  'electrical_resistance',
  'energy',
  'frequency',
  'illuminance',
  'inductance',
  'luminous_flux',
  'mass_flow_rate',
  'power',
  'pressure',
  'resolution',
  'rotational_speed',
  'sound_level',
  'speed',
  'temperature',
  'thermal_power',
  'voltage',
  'volume',
  'volumetric_flow_rate',
  'weight',
];

/** What each reference type may point at (the GID's type). */
const REFERENCES: Record<string, string[]> = {
  article_reference: ['Article'],
  collection_reference: ['Collection'],
  company_reference: ['Company'],
  customer_reference: ['Customer'],
  file_reference: ['GenericFile', 'MediaImage', 'Model3d', 'Video'],
  metaobject_reference: ['Metaobject'],
  mixed_reference: ['Metaobject'],
  order_reference: ['Order'],
  page_reference: ['Page'],
  product_reference: ['Product'],
  product_taxonomy_value_reference: ['TaxonomyValue'],
  variant_reference: ['ProductVariant'],
};

/** Types with no list form (the help center's "Use in a list: No"; `id` is unique to one resource). */
const NOT_IN_LISTS = new Set(['boolean', 'json', 'rich_text_field', 'multi_line_text_field', 'money', 'id']);

const BASE_TYPES = new Set([...TEXT_TYPES, ...JSON_TYPES, ...MEASUREMENT_TYPES, ...Object.keys(REFERENCES)]);

export function isKnownType(type: string): boolean {
  if (type.startsWith('list.')) return BASE_TYPES.has(type.slice(5)) && !NOT_IN_LISTS.has(type.slice(5));
  return BASE_TYPES.has(type);
}

/** Shopify limits json values written with API 2026-04 and later to 128KB. */
export const MAX_JSON_BYTES = 128 * 1024;
/** number_integer: a whole number within ±9,007,199,254,740,991. */
const MAX_INTEGER = 9_007_199_254_740_991n;
/** number_decimal: up to 13 digits before the point and 9 after. */
const DECIMAL = /^[-+]?\d{1,13}(\.\d{1,9})?$/;
const URL_SCHEMES = ['https:', 'http:', 'mailto:', 'sms:', 'tel:'];

const words = (type: string) => type.replaceAll('_', ' ');
const object = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function validUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  return URL_SCHEMES.includes(new URL(value).protocol);
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function invalidRating(rating: unknown): string | undefined {
  const fields = object(rating);
  if (!fields) return 'Value must be a rating object with value, scale_min and scale_max.';
  for (const key of ['value', 'scale_min', 'scale_max']) {
    const field = fields[key];
    if (field === undefined || field === null) return `Value is missing the ${key} key.`;
    if (!DECIMAL.test(String(field))) return `Value ${key} must be a decimal number.`;
  }
  const [ratingValue, min, max] = [Number(fields.value), Number(fields.scale_min), Number(fields.scale_max)];
  if (min >= max) return 'Value scale_min must be less than scale_max.';
  if (ratingValue < min || ratingValue > max)
    return `Value must be between ${String(fields.scale_min)} and ${String(fields.scale_max)}.`;
  return undefined;
}

function invalidMeasurement(type: string, measurement: unknown): string | undefined {
  const fields = object(measurement);
  if (!fields || typeof fields.value !== 'number' || !Number.isFinite(fields.value))
    return `Value must be a ${words(type)} object with a numeric value and a unit.`;
  const units = UNITS[type];
  if (typeof fields.unit !== 'string' || !fields.unit.trim())
    return `Value must be a ${words(type)} object with a numeric value and a unit.`;
  if (units && !units.includes(fields.unit)) return `Value unit must be one of: ${units.join(', ')}.`;
  return undefined;
}

/** One value of a base type: the string for text types, the parsed JSON for the others (a list's items are given parsed). */
function invalidItem(type: string, item: unknown, currency: string): string | undefined {
  const is = (ok: boolean) => (ok ? undefined : `Value must be a valid ${words(type)}.`);
  if (REFERENCES[type]) {
    const match = typeof item === 'string' ? /^gid:\/\/shopify\/(\w+)\/\d+$/.exec(item) : null;
    return match && REFERENCES[type]?.includes(match[1] as string)
      ? undefined
      : `Value must be the id of a ${REFERENCES[type]?.join(' or ')}.`;
  }
  if (MEASUREMENT_TYPES.includes(type)) return invalidMeasurement(type, item);
  const text = typeof item === 'number' ? String(item) : item;
  switch (type) {
    case 'single_line_text_field':
    case 'id':
      return is(typeof text === 'string' && !text.includes('\n'));
    case 'multi_line_text_field':
      return is(typeof text === 'string');
    case 'number_integer':
      return is(
        typeof text === 'string' &&
          /^[-+]?\d+$/.test(text) &&
          BigInt(text) <= MAX_INTEGER &&
          BigInt(text) >= -MAX_INTEGER,
      );
    case 'number_decimal':
      return is(typeof text === 'string' && DECIMAL.test(text));
    case 'boolean':
      return is(text === 'true' || text === 'false');
    case 'date':
      return is(typeof text === 'string' && validDate(text));
    case 'date_time':
      return is(
        typeof text === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(text) &&
          !Number.isNaN(Date.parse(text)),
      );
    case 'url':
      return is(validUrl(text));
    case 'color':
      return is(typeof text === 'string' && /^#[0-9a-fA-F]{6}$/.test(text));
    case 'json':
      return undefined;
    case 'rich_text_field':
      return object(item)?.type === 'root' && Array.isArray(object(item)?.children)
        ? undefined
        : 'Value must be a rich text object with a root node.';
    case 'rating':
      return invalidRating(item);
    case 'money': {
      const money = object(item);
      if (!money || typeof money.amount !== 'string' || !DECIMAL.test(money.amount))
        return 'Value must be a money object with an amount and a currency_code.';
      return money.currency_code === currency
        ? undefined
        : `Value currency_code must be the store's currency (${currency}).`;
    }
    case 'link': {
      const link = object(item);
      return link && typeof link.text === 'string' && validUrl(link.url)
        ? undefined
        : 'Value must be a link object with a text and a url.';
    }
    default:
      return undefined;
  }
}

/** Why Shopify would refuse `value` for `type` (in a shop whose currency is `currency`); undefined when it fits. */
export function invalidValue(type: string, value: string, currency: string): string | undefined {
  const base = type.startsWith('list.') ? type.slice(5) : type;
  const asJson = type.startsWith('list.') || !(TEXT_TYPES.includes(base) || REFERENCES[base]);
  if (type === 'json' && Buffer.byteLength(value) > MAX_JSON_BYTES)
    return `Value exceeds the maximum size of ${MAX_JSON_BYTES / 1024}KB for json metafields.`;
  if (!asJson) return invalidItem(base, value, currency);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'Value is invalid JSON.';
  }
  if (!type.startsWith('list.')) return invalidItem(base, parsed, currency);
  if (!Array.isArray(parsed)) return `Value must be a JSON array of ${words(base)} values.`;
  for (const item of parsed) {
    const problem = invalidItem(base, item, currency);
    if (problem) return problem;
  }
  return undefined;
}
