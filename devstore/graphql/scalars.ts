// Shopify's own scalars that devstore reads as dates and numbers, checked as the schema describes
// them, so a value that is not one is refused before anything runs (and never reaches PostgreSQL,
// which would fail on it). The schema built from Shopify's introspection takes any value for a
// custom scalar; these checks give DateTime, Date, Decimal, UnsignedInt64 and BigInt their rules:
// - DateTime: "an ISO 8601-encoded date and time string … "2019-09-07T15:50:00Z"": a real date and
//   time, the zone optional; a date alone or a space for the "T" is not ISO 8601's date and time;
// - Date: "an ISO 8601-encoded date string … "2019-07-16"";
// - Decimal: "A signed decimal number … serialized as a string … "29.99"" — a JSON number is taken
//   too (Shopify's own orderCreate examples send a tax `rate` as one);
// - UnsignedInt64: "whole numeric values between 0 and 2^64 - 1 encoded as a string of base-10 digits";
// - BigInt: "non-fractional signed whole numeric values … encoded as a string".
// Refused the way graphql-ruby refuses a value its scalar cannot coerce: a variable with
// "Could not coerce value "soon" to DateTime" (variables.ts), a literal by the validator.
import { Kind, isScalarType, type GraphQLSchema, type ValueNode } from 'graphql';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2})(?::?\d{2})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date and time that exists (no 30 February, no hour 25), in a year PostgreSQL has (from 1). */
function realDateTime(year: string, month: string, day: string, hour = '00', minute = '00', second = '00'): boolean {
  const text = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const date = new Date(`${text}Z`);
  return Number(year) >= 1 && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === text;
}

const isDateTime = (value: unknown): boolean => {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  // A zone more than 14 hours off UTC is on no clock.
  return Boolean(
    match &&
    realDateTime(match[1] as string, match[2] as string, match[3] as string, match[4], match[5], match[6]) &&
    Number(match[9] ?? 0) <= 14,
  );
};

const isDate = (value: unknown): boolean => {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  return Boolean(match && realDateTime(match[1] as string, match[2] as string, match[3] as string));
};

const isDecimal = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));

const UNSIGNED_INT_64_MAX = 2n ** 64n - 1n;
const isUnsignedInt64 = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
  (typeof value === 'string' && /^\d{1,20}$/.test(value) && BigInt(value) <= UNSIGNED_INT_64_MAX);

const isBigInt = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' &&
    /^-?\d{1,19}$/.test(value) &&
    BigInt(value) >= -(2n ** 63n) &&
    BigInt(value) < 2n ** 63n);

/** Whether a value (as JSON gives it) is one of the scalar's; the scalars devstore checks. */
export const SHOPIFY_SCALARS: Record<string, (value: unknown) => boolean> = {
  DateTime: isDateTime,
  Date: isDate,
  Decimal: isDecimal,
  UnsignedInt64: isUnsignedInt64,
  BigInt: isBigInt,
};

/** A literal's value as JSON would give it, for the checks above (strings and numbers only). */
function literalValue(node: ValueNode): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  return undefined;
}

/** Gives the schema's DateTime, Date, Decimal, UnsignedInt64 and BigInt their checks, for literals and variables alike. */
export function installScalarChecks(schema: GraphQLSchema): void {
  for (const [name, check] of Object.entries(SHOPIFY_SCALARS)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) continue;
    type.parseValue = (value: unknown) => {
      if (!check(value)) throw new TypeError(`Could not coerce value ${JSON.stringify(value)} to ${name}`);
      return value;
    };
    // An unreadable literal is undefined, which graphql-js's validator reports as not of the type.
    type.parseLiteral = (node: ValueNode) => {
      const value = literalValue(node);
      return check(value) ? value : undefined;
    };
  }
}
