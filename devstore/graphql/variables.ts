// Variables checked against their declared types the way Shopify's GraphQL server (graphql-ruby)
// does, and refused in its words: one error per variable, `INVALID_VARIABLE` with the value given
// and each problem's path and explanation, e.g.
//   Variable $input of type ProductSetInput! was provided invalid value for status (Expected "LIVE" to be one of: ACTIVE, ARCHIVED, DRAFT)
// Shopify's answers on record have this shape (`extensions: { code, value, problems: [{ path,
// explanation }] }`); a problem on the whole value (an empty path) adds no "for …" to the message.
// Shopify's DateTime, Date, Decimal, UnsignedInt64 and BigInt are checked here too (scalars.ts); its
// other scalars (Money, URL, …) are checked by the resolvers that read them.
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  getLocation,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ShopifyError } from './errors.ts';
import { SHOPIFY_SCALARS } from './scalars.ts';

interface Problem {
  path: (string | number)[];
  explanation: string;
}

/** A value as a GraphQL literal, as graphql-ruby prints it in explanations: "LIVE", 5, [1, 2], {a: 1}. */
function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')}}`;
  return String(value);
}

const INT_RANGE = 2 ** 31;

/** The built-in scalars' coercion (graphql-ruby): anything else is not coerced. */
const BUILT_IN: Record<string, (value: unknown) => boolean> = {
  [GraphQLString.name]: (value) => typeof value === 'string',
  [GraphQLInt.name]: (value) =>
    Number.isInteger(value) && (value as number) >= -INT_RANGE && (value as number) < INT_RANGE,
  [GraphQLFloat.name]: (value) => typeof value === 'number' && Number.isFinite(value),
  [GraphQLBoolean.name]: (value) => typeof value === 'boolean',
  [GraphQLID.name]: (value) => typeof value === 'string' || Number.isInteger(value),
};

function problemsOf(value: unknown, type: GraphQLInputType, path: (string | number)[]): Problem[] {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) return [{ path, explanation: 'Expected value to not be null' }];
    return problemsOf(value, type.ofType, path);
  }
  if (value === null || value === undefined) return [];
  if (isListType(type)) {
    // A single item stands for a list of one, as GraphQL's input coercion allows.
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item, index) =>
      problemsOf(item, type.ofType, Array.isArray(value) ? [...path, index] : path),
    );
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value))
      return [{ path, explanation: `Expected ${JSON.stringify(value)} to be a key-value object.` }];
    const fields = type.getFields();
    const given = value as Record<string, unknown>;
    const problems = Object.entries(given).flatMap(([name, item]) => {
      const field = fields[name];
      if (!field) return [{ path: [...path, name], explanation: `Field is not defined on ${type.name}` }];
      return problemsOf(item, field.type, [...path, name]);
    });
    // Required fields left out come after the fields given, as graphql-ruby lists them.
    for (const field of Object.values(fields)) {
      if (!Object.hasOwn(given, field.name) && isNonNullType(field.type) && field.defaultValue === undefined) {
        problems.push({ path: [...path, field.name], explanation: 'Expected value to not be null' });
      }
    }
    // A OneOf input (CustomerSetIdentifiers, …) takes exactly one field, and not null (graphql-ruby's words).
    const set = Object.values(given).filter((item) => item !== null && item !== undefined).length;
    if (type.isOneOf && (set !== 1 || Object.keys(given).length !== 1)) {
      problems.push({
        path,
        explanation: `\`${type.name}\` is a OneOf type, so only one argument may be given (instead of ${Object.keys(given).length})`,
      });
    }
    return problems;
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((entry) => entry.name);
    return typeof value === 'string' && names.includes(value)
      ? []
      : [{ path, explanation: `Expected ${literal(value)} to be one of: ${names.join(', ')}` }];
  }
  const coerces = BUILT_IN[type.name] ?? SHOPIFY_SCALARS[type.name];
  return !coerces || coerces(value)
    ? []
    : [{ path, explanation: `Could not coerce value ${literal(value)} to ${type.name}` }];
}

/** One error for each variable whose value does not fit its declared type; none when all fit. */
export function variableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ShopifyError[] {
  const errors: ShopifyError[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const given = Object.hasOwn(variables, name);
    if (!given && definition.defaultValue) continue;
    const value = given ? variables[name] : null;
    const problems = problemsOf(value, type, []);
    if (problems.length === 0) continue;
    const located = problems
      .filter((problem) => problem.path.length > 0)
      .map((problem) => `${problem.path.join('.')} (${problem.explanation})`);
    const source = definition.loc?.source;
    errors.push({
      message: `Variable $${name} of type ${String(type)} was provided invalid value${located.length ? ` for ${located.join(', ')}` : ''}`,
      ...(source && definition.loc ? { locations: [getLocation(source, definition.loc.start)] } : {}),
      extensions: { code: 'INVALID_VARIABLE', value, problems },
    });
  }
  return errors;
}
