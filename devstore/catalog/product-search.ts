// Shopify's search syntax for `products(query:)`, the part devstore understands, turned into SQL:
// handle:, sku:, tag:, tag_not:, status:, vendor:, product_type:, title:, id:, created_at:, updated_at:,
// comparisons (>, >=, <, <=), negation with "-" or NOT, quoted values, implicit AND, free text on title.
import { NotImplementedError } from '../graphql/errors.ts';
import { searchDate } from './listing.ts';

export interface SqlFilter {
  clauses: string[];
  values: unknown[];
}

interface Term {
  negated: boolean;
  field: string | undefined;
  comparator: string;
  value: string;
}

function tokenize(query: string): string[] {
  return query.match(/-?[\w.]+:(?:[<>]=?)?"[^"]*"|"[^"]*"|\S+/g) ?? [];
}

function parseTerms(query: string): Term[] {
  const terms: Term[] = [];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === 'AND') continue;
    if (token === 'OR') throw new NotImplementedError('products query with OR');
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    const negated = negateNext || (token.startsWith('-') && token.length > 1);
    negateNext = false;
    const body = token.startsWith('-') ? token.slice(1) : token;
    const match = /^([\w.]+):([<>]=?)?(.*)$/.exec(body);
    const unquote = (text: string) => text.replace(/^"(.*)"$/, '$1');
    if (match) terms.push({ negated, field: match[1], comparator: match[2] ?? '=', value: unquote(match[3] ?? '') });
    else terms.push({ negated, field: undefined, comparator: '=', value: unquote(body) });
  }
  return terms;
}

const COLUMNS: Record<string, string> = {
  handle: 'p.handle',
  status: 'p.status',
  vendor: 'p.vendor',
  product_type: 'p.product_type',
  title: 'p.title',
  id: 'p.id',
  created_at: 'p.created_at',
  updated_at: 'p.updated_at',
};

/** SQL conditions on `p` (devstore.products), with placeholders numbered after `offset`. */
export function productFilter(query: string | undefined, offset: number): SqlFilter {
  const filter: SqlFilter = { clauses: [], values: [] };
  if (!query?.trim()) return filter;
  const param = (value: unknown) => {
    filter.values.push(value);
    return `$${offset + filter.values.length}`;
  };
  for (const term of parseTerms(query)) {
    let clause: string;
    const operator = term.comparator === '=' ? '=' : term.comparator;
    if (term.field === undefined) {
      clause = `p.title ILIKE ${param(`%${term.value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)}`;
    } else if (term.field === 'tag' || term.field === 'tag_not') {
      clause = `p.tags @> ARRAY[${param(term.value)}]::text[]`;
      if (term.field === 'tag_not') term.negated = !term.negated;
    } else if (term.field === 'sku') {
      clause = `EXISTS (SELECT 1 FROM devstore.variants v WHERE v.shop = p.shop AND v.product_id = p.id AND v.sku = ${param(term.value)})`;
    } else if (term.field === 'created_at' || term.field === 'updated_at') {
      const when = searchDate(term.value);
      if (!when) continue; // Shopify ignores a filter it cannot read
      clause = `${COLUMNS[term.field]} ${operator} ${param(when)}::timestamptz`;
    } else if (term.field === 'id') {
      // Not a number, or too long for a row's id: ignored like any filter Shopify cannot read.
      if (!/^\d{1,18}$/.test(term.value)) continue;
      clause = `p.id ${operator} ${param(term.value)}::bigint`;
    } else if (term.field === 'status') {
      clause = `p.status = ANY(${param(term.value.split(',').map((status) => status.trim().toUpperCase()))}::text[])`;
    } else if (COLUMNS[term.field]) {
      // Shopify matches these case-insensitively; a trailing * is a prefix search.
      const prefix = term.value.endsWith('*');
      clause = prefix
        ? `lower(${COLUMNS[term.field]}) LIKE ${param(
            `${term.value
              .slice(0, -1)
              .toLowerCase()
              .replace(/[\\%_]/g, (char) => `\\${char}`)}%`,
          )}`
        : `lower(${COLUMNS[term.field]}) = ${param(term.value.toLowerCase())}`;
    } else {
      throw new NotImplementedError(`products query filter '${term.field}:'`);
    }
    filter.clauses.push(term.negated ? `NOT (${clause})` : clause);
  }
  return filter;
}
