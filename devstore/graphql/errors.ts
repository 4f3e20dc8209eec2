// The error bodies Shopify's Admin API answers with, built in one place so every path agrees.
import type { GraphQLError } from 'graphql';
import type { ThrottleStatus } from '../bucket.ts';
import { MAX_QUERY_COST } from './cost.ts';
import { CustomerDataAccessError } from './customer-data-access.ts';

const RATE_LIMITS_DOC = 'https://shopify.dev/api/usage/rate-limits';

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface ShopifyError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

export function throttled(): ShopifyError {
  return { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMITS_DOC } };
}

export function maxCostExceeded(cost: number): ShopifyError {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
      'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
      'cost of a query is calculated.\n\n' +
      'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
      'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n',
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST, documentation: RATE_LIMITS_DOC },
  };
}

export function inputTooLarge(size: number, limit: number, path: (string | number)[]): ShopifyError {
  return {
    message: `The input array size of ${size} is greater than the maximum allowed of ${limit}.`,
    path,
    extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
  };
}

/** Thrown by resolvers for any field devstore has no resolver for: an error, never a silent null. */
export class NotImplementedError extends Error {
  constructor(what: string) {
    super(`${what} is not implemented by devstore`);
    this.name = 'NotImplementedError';
  }
}

/** Shopify's validator (graphql-ruby) names each failure with a code; these are its names. */
const VALIDATION_CODES: [RegExp, string][] = [
  [/^Cannot query field/, 'undefinedField'],
  [/^Unknown argument/, 'argumentNotAccepted'],
  [/argument ".*" of type ".*" is required, but it was not provided/, 'missingRequiredArguments'],
  [/^Field ".*" of required type ".*" was not provided/, 'missingRequiredInputObjectAttribute'],
  [/^Unknown type/, 'undefinedType'],
  [/^Variable ".*" is never used/, 'variableNotUsed'],
  [/^Variable ".*" is not defined/, 'undefinedVariable'],
  [/^Variable ".*" of type ".*" used in position expecting/, 'variableMismatch'],
  [/must have a selection of subfields|must not have a selection since type/, 'selectionMismatch'],
  [/^Unknown fragment/, 'undefinedFragment'],
  [/^Fragment ".*" is never used/, 'useAndDefineFragment'],
  [/cannot represent|^Expected value of type/, 'argumentLiteralsIncompatible'],
];

export function validationError(error: GraphQLError): ShopifyError {
  const code = VALIDATION_CODES.find(([pattern]) => pattern.test(error.message))?.[1];
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(code ? { extensions: { code } } : {}),
  };
}

/** Errors raised while executing: ours keep their message, anything unexpected is Shopify's 500 text. */
export function executionError(error: GraphQLError, requestId: string): ShopifyError {
  const base = {
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  const original = error.originalError;
  if (!original || original.name === 'GraphQLError') {
    return {
      message: error.message,
      ...base,
      ...(error.extensions && Object.keys(error.extensions).length ? { extensions: error.extensions } : {}),
    };
  }
  if (original instanceof NotImplementedError)
    return { message: error.message, ...base, extensions: { code: 'NOT_IMPLEMENTED_BY_DEVSTORE' } };
  if (original instanceof ResourceThrottledError)
    return { message: error.message, ...base, extensions: { code: original.code, documentation: RATE_LIMITS_DOC } };
  if (original instanceof ArgumentError)
    return { message: error.message, ...base, extensions: { code: 'BAD_REQUEST' } };
  // A request over such a limit is answered 429 as a whole; only a bulk operation's line gets here.
  if (original instanceof ResourceLimitError) return { message: error.message, ...base };
  if (original instanceof CustomerDataAccessError)
    return { message: error.message, ...base, extensions: { code: 'ACCESS_DENIED' } };
  console.error(`devstore: request ${requestId} failed at ${error.path?.join('.') ?? '?'}:`, original);
  return {
    message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * A resource-based limit, apart from the cost bucket (5 new orders a minute on development and
 * trial stores): the whole request is answered HTTP 429, whatever the bucket holds. Shopify
 * documents the status for its resource-based limits ("When an app reaches a limit, it will
 * receive an HTTP 429 error. The app should then implement retry behavior.",
 * https://shopify.dev/changelog/api-call-limits-will-be-applied-to-variant-creation) but neither a
 * body nor a Retry-After header: devstore sends its own words and no Retry-After, so a client can
 * only go by the status.
 */
export class ResourceLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceLimitError';
  }
}

/**
 * A resource-based limit answered as a top-level GraphQL error with its code, whatever the bucket
 * holds: new variants a day in a large store (VARIANT_THROTTLE_EXCEEDED; see catalog/variant-throttle.ts).
 */
export class ResourceThrottledError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'ResourceThrottledError';
    this.code = code;
  }
}

/** A top-level argument error Shopify reports outside userErrors (e.g. a connection without first/last). */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}
