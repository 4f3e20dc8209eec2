// Runs one Admin API request: parse and validate against Shopify's schema, price it, charge the
// shop's bucket, execute with devstore's resolvers, and answer in Shopify's shape.
import { randomUUID } from 'node:crypto';
import {
  execute,
  getOperationAST,
  parse,
  validate,
  GraphQLError,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from 'graphql';
import type { LeakyBuckets } from '../bucket.ts';
import { RESTORE_RATE } from '../bucket.ts';
import { adminSchema } from '../schema.ts';
import type { NodeLoader, RequestContext, ResolverModule, RootResolver } from './context.ts';
import { nodeQueries } from './nodes.ts';
import { MAX_QUERY_COST, actualQueryCost, requestedQueryCost } from './cost.ts';
import { customerDataLevel, customerDataRefusal, customerDataTypeRefusal } from './customer-data-access.ts';
import {
  executionError,
  maxCostExceeded,
  throttled,
  validationError,
  type CostExtension,
  type ShopifyError,
  NotImplementedError,
  ResourceLimitError,
} from './errors.ts';
import { inputLimitErrors } from './input-limits.ts';
import { variableErrors } from './variables.ts';

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

export interface GraphqlResponse {
  /** 200 unless a resource-based limit refused the request (429, with a body of plain words). */
  status: number;
  body: { data?: unknown; errors?: ShopifyError[]; extensions: { cost: CostExtension } } | { errors: string };
  /** What the request cost in points, for the counters. */
  pointsSpent: number;
  throttled: boolean;
}

type Parsed = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: ShopifyError[] };

/** Apps send the same few documents over and over; parsing and validating once is the big saving. */
const documents = new Map<string, Parsed>();
const DOCUMENT_CACHE_SIZE = 1000;

export function parseAndValidate(query: string): Parsed {
  const cached = documents.get(query);
  if (cached) return cached;
  let parsed: Parsed;
  try {
    const document = parse(query);
    const errors = validate(adminSchema(), document);
    parsed = errors.length ? { errors: errors.map(validationError) } : { document };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    parsed = { errors: [{ message: error.message, ...(error.locations ? { locations: error.locations } : {}) }] };
  }
  if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value as string);
  documents.set(query, parsed);
  return parsed;
}

export class Executor {
  private readonly queries: Record<string, RootResolver> = {};
  private readonly mutations: Record<string, RootResolver> = {};
  private readonly buckets: LeakyBuckets;
  private readonly throttling: boolean;

  /** throttling false prices every request but charges no bucket: benchmarks measure devstore itself. */
  constructor(modules: ResolverModule[], buckets: LeakyBuckets, throttling = true) {
    this.throttling = throttling;
    const loaders: Record<string, NodeLoader> = {};
    for (const module of modules) {
      Object.assign(this.queries, module.queries);
      Object.assign(this.mutations, module.mutations);
      Object.assign(loaders, module.nodes);
    }
    Object.assign(this.queries, nodeQueries(loaders));
    this.buckets = buckets;
  }

  private readonly fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, context, info) => {
    const schema = info.schema;
    // Customers and orders need the protected customer data access the shop's app has been given.
    const refused = customerDataRefusal(customerDataLevel(context.shop), info, args);
    if (refused) throw refused;
    if (info.parentType === schema.getQueryType() || info.parentType === schema.getMutationType()) {
      const roots = info.parentType === schema.getQueryType() ? this.queries : this.mutations;
      const resolver = roots[info.fieldName];
      if (!resolver)
        throw new NotImplementedError(
          `${info.parentType.name === 'QueryRoot' ? 'Query' : 'Mutation'} field '${info.fieldName}'`,
        );
      return resolver(args, context, info);
    }
    const record = source as Record<string, unknown>;
    if (!Object.hasOwn(record, info.fieldName))
      throw new NotImplementedError(`Field '${info.parentType.name}.${info.fieldName}'`);
    const value = record[info.fieldName];
    return typeof value === 'function' ? (value as RootResolver)(args, context, info) : value;
  };

  private readonly typeResolver: GraphQLTypeResolver<unknown, RequestContext> = (value, context) => {
    const typename =
      value && typeof value === 'object' && '__typename' in value
        ? String((value as { __typename: unknown }).__typename)
        : undefined;
    // A customer or an order reached through `node`/`nodes` is refused once its type is known.
    const refused = typename ? customerDataTypeRefusal(customerDataLevel(context.shop), typename) : undefined;
    if (refused) throw refused;
    return typename;
  };

  private bucketKey(context: RequestContext): string {
    // One app per shop in devstore, so the app-and-shop bucket is keyed by the shop.
    return context.shop.domain;
  }

  restoreRate(context: RequestContext): number {
    return RESTORE_RATE[context.shop.plan];
  }

  /**
   * One line of a bulk operation: validated and executed like a request, but neither priced nor
   * charged, since bulk operations do not draw on the bucket.
   */
  async runUnmetered(
    request: GraphqlRequest,
    context: RequestContext,
  ): Promise<{ data?: unknown; errors?: ShopifyError[] }> {
    const parsed = parseAndValidate(request.query);
    if (parsed.errors) return { errors: parsed.errors };
    const operation = getOperationAST(parsed.document, request.operationName);
    if (operation) {
      const refused = variableErrors(adminSchema(), operation, request.variables);
      if (refused.length) return { errors: refused };
      const tooLarge = inputLimitErrors(adminSchema(), operation, request.variables);
      if (tooLarge.length) return { errors: tooLarge };
    }
    const result = await execute({
      schema: adminSchema(),
      document: parsed.document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
      fieldResolver: this.fieldResolver,
      typeResolver: this.typeResolver,
    });
    const requestId = randomUUID();
    return {
      ...(result.errors ? { errors: result.errors.map((error) => executionError(error, requestId)) } : {}),
      ...(result.data !== undefined ? { data: result.data } : {}),
    };
  }

  async run(request: GraphqlRequest, context: RequestContext): Promise<GraphqlResponse> {
    const key = this.bucketKey(context);
    const rate = this.restoreRate(context);
    const cost = (requested: number, actual: number | null): CostExtension => ({
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: this.buckets.status(key, rate),
    });

    const parsed = parseAndValidate(request.query);
    if (parsed.errors)
      return {
        status: 200,
        body: { errors: parsed.errors, extensions: { cost: cost(0, 0) } },
        pointsSpent: 0,
        throttled: false,
      };
    const document = parsed.document;
    const operation = getOperationAST(document, request.operationName);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions)
      if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;

    const schema = adminSchema();
    // Variables that do not fit their types are refused before anything is priced or run.
    const refused = operation ? variableErrors(schema, operation, request.variables) : [];
    if (refused.length)
      return {
        status: 200,
        body: { errors: refused, extensions: { cost: cost(0, 0) } },
        pointsSpent: 0,
        throttled: false,
      };
    const requested = operation ? requestedQueryCost(schema, operation, fragments, request.variables) : 0;
    if (requested > MAX_QUERY_COST) {
      return {
        status: 200,
        body: { errors: [maxCostExceeded(requested)], extensions: { cost: cost(requested, null) } },
        pointsSpent: 0,
        throttled: false,
      };
    }
    if (operation) {
      const tooLarge = inputLimitErrors(schema, operation, request.variables);
      if (tooLarge.length)
        return {
          status: 200,
          body: { errors: tooLarge, extensions: { cost: cost(requested, null) } },
          pointsSpent: 0,
          throttled: false,
        };
    }
    if (this.throttling && !this.buckets.take(key, rate, requested)) {
      return {
        status: 200,
        body: { errors: [throttled()], extensions: { cost: cost(requested, null) } },
        pointsSpent: 0,
        throttled: true,
      };
    }

    const result = await execute({
      schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
      fieldResolver: this.fieldResolver,
      typeResolver: this.typeResolver,
    });
    const overLimit = result.errors?.find((error) => error.originalError instanceof ResourceLimitError);
    if (overLimit) {
      // Refused as a whole and not charged: nothing of it was kept.
      if (this.throttling) this.buckets.refund(key, rate, requested);
      return { status: 429, body: { errors: overLimit.message }, pointsSpent: 0, throttled: true };
    }
    const requestId = randomUUID();
    const errors = result.errors?.map((error) => executionError(error, requestId));
    const data = result.data ?? undefined;
    // No data means nothing ran (bad variables); Shopify charges nothing for that.
    const actual =
      operation && data
        ? Math.min(requested, actualQueryCost(schema, operation, fragments, request.variables, data))
        : 0;
    if (this.throttling) this.buckets.refund(key, rate, requested - actual);
    const body: GraphqlResponse['body'] = {
      ...(errors ? { errors } : {}),
      ...(result.data !== undefined ? { data: result.data } : {}),
      extensions: { cost: cost(requested, actual) },
    };
    return { status: 200, body, pointsSpent: actual, throttled: false };
  }
}
