// The dry run: every staged record through the transform the write would use, its variables checked
// against the pinned Admin schema (the mutation's own variable definitions) and the limits Shopify
// documents, and nothing sent to Shopify. A chain of jobs, one batch each, like the analysis; the
// records Shopify would refuse are kept with the reason, the others counted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { type GraphQLSchema, type IntrospectionQuery, type OperationDefinitionNode, buildClientSchema, getVariableValues, parse } from 'graphql';
import type { CollectionRecord, CustomerRecord, OrderRecord, ProductRecord } from '../../connectors/model.ts';
import { API_VERSION } from '../api-version.ts';
import { db } from '../db.server.ts';
import { MigrationNotFound, MigrationStateError } from './lifecycle.server.ts';
import { notifyProgress } from './progress.server.ts';
import { queueDryRun } from './queue.server.ts';
import { CREATE_COLLECTION, toCollectionVariables } from './transform/collection.server.ts';
import { CUSTOMER_EMAIL_CONSENT, CUSTOMER_METAFIELDS, CUSTOMER_SET, checkContact, customerMetafields, emailConsentVariables, toCustomerSetVariables } from './transform/customer.server.ts';
import { MAX_OPTIONS, MAX_VARIANTS } from './transform/options.server.ts';
import { ORDER_CREATE, OrderOptions, toOrderCreateVariables } from './transform/order.server.ts';
import { PRODUCT_SET, toProductSetVariables } from './transform/product.server.ts';

export const DRY_RUN_BATCH = 250;
/** What the dry run checks: the entities Shipyard writes through a transform. */
export const DRY_RUN_ENTITIES = ['collections', 'products', 'customers', 'orders'];

/** Shopify refuses an input array over 250 items; a product's variants (and an option's values) may reach 2,048. */
const MAX_INPUT_ARRAY = 250;
const LARGER_ARRAYS: Record<string, number> = { variants: MAX_VARIANTS, values: MAX_VARIANTS };
const MAX_TITLE = 255;

let cachedSchema: GraphQLSchema | undefined;

/** Shopify's Admin schema for the pinned version, as @shopify/dev-mcp publishes it; found up the folders, as Node finds packages. */
export function adminSchema(): GraphQLSchema {
  if (cachedSchema) return cachedSchema;
  const relative = path.join('node_modules', '@shopify', 'dev-mcp', 'dist', 'data', `admin_${API_VERSION}.json.gz`);
  let dir = process.cwd();
  while (!fs.existsSync(path.join(dir, relative))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${relative} not found: the dry run needs @shopify/dev-mcp installed`);
    dir = parent;
  }
  const parsed = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, relative))).toString('utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
  cachedSchema = buildClientSchema(parsed.data ?? parsed);
  return cachedSchema;
}

const operations = new Map<string, OperationDefinitionNode>();

/** The reasons Shopify's schema would refuse these variables for this document, in its own words. */
export function schemaRefusals(document: string, variables: Record<string, unknown>): string[] {
  let operation = operations.get(document);
  if (!operation) {
    operation = parse(document).definitions[0] as OperationDefinitionNode;
    operations.set(document, operation);
  }
  const { errors } = getVariableValues(adminSchema(), operation.variableDefinitions ?? [], variables);
  return (errors ?? []).map((error) => error.message);
}

/** Input arrays longer than Shopify takes, named by where they are. */
export function limitRefusals(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) {
    const key = at.split('.').at(-1) ?? '';
    const limit = LARGER_ARRAYS[key] ?? MAX_INPUT_ARRAY;
    const own = value.length > limit ? [`${at} has ${value.length} items; Shopify takes at most ${limit}.`] : [];
    return [...own, ...value.flatMap((item, index) => limitRefusals(item, `${at}[${index}]`))];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, field]) => limitRefusals(field, at ? `${at}.${key}` : key));
  return [];
}

interface Check {
  name: string;
  reasons: string[];
}

/** A stand-in id for something written before this record (a collection, a customer, a variant): only its shape matters here. */
const placeholder = (type: string, sourceId: string) => `gid://shopify/${type}/dry-run-${encodeURIComponent(sourceId)}`;

interface Context {
  platform: string;
  orderOptions: OrderOptions;
  collectionParents: Map<string, string | null>;
  collectionTitles: Map<string, string>;
  unreachableImages: Set<string>;
  handlesLeftToShopify: Set<string>;
}

function checkRecord(entity: string, data: unknown, context: Context): Check {
  const both = (document: string, variables: Record<string, unknown>) => [...schemaRefusals(document, variables), ...limitRefusals(variables)];
  if (entity === 'collections') {
    const collection = data as CollectionRecord;
    const parent = collection.parentSourceId ? (context.collectionTitles.get(collection.parentSourceId) ?? null) : null;
    const reasons = both(CREATE_COLLECTION, toCollectionVariables(collection, context.platform, parent, null));
    if (collection.title.length > MAX_TITLE) reasons.push(`The title has ${collection.title.length} characters; Shopify allows ${MAX_TITLE}.`);
    return { name: collection.title, reasons };
  }
  if (entity === 'products') {
    const product = data as ProductRecord;
    const variables = toProductSetVariables(
      product,
      {
        platform: context.platform,
        locationId: placeholder('Location', 'primary'),
        collectionIds: new Map([...context.collectionParents.keys()].map((id) => [id, placeholder('Collection', id)])),
        collectionParents: context.collectionParents,
        unreachableImages: context.unreachableImages,
        handlesLeftToShopify: context.handlesLeftToShopify,
      },
      null,
    );
    const reasons = both(PRODUCT_SET, { ...variables });
    if (product.title.trim() === '') reasons.push('The product has no title; Shopify requires one.');
    if (product.title.length > MAX_TITLE) reasons.push(`The title has ${product.title.length} characters; Shopify allows ${MAX_TITLE}.`);
    if ((variables.input.productOptions as unknown[]).length > MAX_OPTIONS) reasons.push(`More than ${MAX_OPTIONS} options.`);
    return { name: product.title, reasons };
  }
  if (entity === 'customers') {
    const customer = data as CustomerRecord;
    const contact = checkContact(customer);
    const variables = toCustomerSetVariables(customer, contact, null);
    const owner = placeholder('Customer', customer.sourceId);
    const consent = emailConsentVariables(owner, customer);
    const reasons = [
      ...both(CUSTOMER_SET, { ...variables }),
      ...both(CUSTOMER_METAFIELDS, { metafields: customerMetafields(owner, context.platform, customer) }),
      ...(consent ? both(CUSTOMER_EMAIL_CONSENT, consent) : []),
    ];
    if (!contact.email && !contact.phone && !customer.firstName && !customer.lastName) reasons.push('The customer has no name, no valid email and no valid phone; Shopify needs at least one.');
    const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || customer.phone || customer.sourceId;
    return { name, reasons };
  }
  const order = data as OrderRecord;
  // Customers and variants are written before orders; an order links to them by their Shopify ids.
  const ids = (type: string, sourceIds: (string | null)[]) => new Map(sourceIds.flatMap((id) => (id ? [[id, placeholder(type, id)] as const] : [])));
  const { variables } = toOrderCreateVariables(order, {
    platform: context.platform,
    options: context.orderOptions,
    customerIds: ids('Customer', [order.customerSourceId]),
    variantIds: ids('ProductVariant', order.lineItems.flatMap((line) => [line.variantSourceId, line.productSourceId])),
  });
  const reasons = both(ORDER_CREATE, { ...variables });
  if (order.lineItems.length === 0) reasons.push('The order has no line items; Shopify needs at least one.');
  return { name: `#${order.number}`, reasons };
}

async function dryRunContext(migrationId: string, platform: string, options: unknown): Promise<Context> {
  const [collections, unreachable, sharedHandles] = await Promise.all([
    db().sourceRecord.findMany({ where: { migrationId, entity: 'collections', status: { not: 'invalid' } }, select: { sourceId: true, data: true } }),
    db().migrationProblem.findMany({ where: { migrationId, code: 'image-unreachable' }, select: { subject: true } }),
    db().migrationProblem.findMany({ where: { migrationId, code: 'duplicate-handle' }, select: { sourceId: true } }),
  ]);
  return {
    platform,
    orderOptions: OrderOptions.parse(options ?? {}),
    collectionParents: new Map(collections.map((row) => [row.sourceId, (row.data as { parentSourceId?: string | null }).parentSourceId ?? null])),
    collectionTitles: new Map(collections.map((row) => [row.sourceId, (row.data as { title: string }).title])),
    unreachableImages: new Set(unreachable.flatMap((problem) => (problem.subject ? [problem.subject] : []))),
    handlesLeftToShopify: new Set(sharedHandles.flatMap((problem) => (problem.sourceId ? [problem.sourceId] : []))),
  };
}

/** Starts (or starts again) the dry run of a migration ready for review; its first job is queued with it. */
export async function startDryRun(shop: string, migrationId: string) {
  const migration = await db().migration.findFirst({ where: { id: migrationId, shop } });
  if (!migration) throw new MigrationNotFound(migrationId);
  if (migration.status !== 'ready') throw new MigrationStateError(`The migration is ${migration.status}; a dry run checks a migration waiting for your review.`);
  return db().$transaction(async (tx) => {
    await tx.dryRunRefusal.deleteMany({ where: { migrationId } });
    const run = await tx.dryRun.upsert({
      where: { migrationId },
      create: { migrationId, shop },
      update: { status: 'running', checked: 0, passed: 0, refused: 0, startedAt: new Date(), finishedAt: null },
    });
    await queueDryRun(tx, migrationId);
    await notifyProgress(tx, migrationId);
    return run;
  });
}

/** One batch of the dry run: its records checked, the refusals and counts saved with the job for the next batch. */
export async function dryRunStep(migrationId: string, afterId: bigint | null): Promise<'next-batch' | 'done' | 'not-running'> {
  const [migration, run] = await Promise.all([db().migration.findUnique({ where: { id: migrationId } }), db().dryRun.findUnique({ where: { migrationId } })]);
  if (!migration || !run || run.status !== 'running') return 'not-running';
  const rows = await db().sourceRecord.findMany({
    where: { migrationId, entity: { in: DRY_RUN_ENTITIES }, status: { not: 'invalid' }, ...(afterId === null ? {} : { id: { gt: afterId } }) },
    orderBy: { id: 'asc' },
    take: DRY_RUN_BATCH,
  });
  const context = await dryRunContext(migrationId, migration.sourcePlatform, migration.options);
  const refusals = rows.flatMap((row) => {
    const { name, reasons } = checkRecord(row.entity, row.data, context);
    return reasons.length > 0 ? [{ shop: migration.shop, migrationId, entity: row.entity, sourceId: row.sourceId, name, reason: [...new Set(reasons)].join(' ') }] : [];
  });
  const next = rows.length === DRY_RUN_BATCH ? (rows.at(-1)?.id ?? null) : null;

  return db().$transaction(async (tx) => {
    // A dry run started again meanwhile has its own chain; this one's batch no longer counts.
    const current = await tx.dryRun.findUnique({ where: { migrationId } });
    if (!current || current.status !== 'running' || current.startedAt.getTime() !== run.startedAt.getTime()) return 'not-running';
    await tx.dryRunRefusal.createMany({ data: refusals });
    await tx.dryRun.update({
      where: { migrationId },
      data: {
        checked: { increment: rows.length },
        passed: { increment: rows.length - refusals.length },
        refused: { increment: refusals.length },
        ...(next === null ? { status: 'done', finishedAt: new Date() } : {}),
      },
    });
    await notifyProgress(tx, migrationId);
    if (next === null) return 'done';
    await queueDryRun(tx, migrationId, next);
    return 'next-batch';
  });
}

export interface DryRunRefusalRow {
  id: string;
  entity: string;
  sourceId: string;
  name: string;
  reason: string;
}

export interface DryRunView {
  status: string;
  checked: number;
  passed: number;
  refused: number;
  /** Records to check in all, for the progress while it runs. */
  total: number;
  startedAt: string;
  finishedAt: string | null;
  refusals: DryRunRefusalRow[];
}

/** The shop's dry run of this migration, with its first refusals; null when none was run. */
export async function dryRunView(shop: string, migrationId: string, limit = 50): Promise<DryRunView | null> {
  const run = await db().dryRun.findFirst({ where: { migrationId, shop } });
  if (!run) return null;
  const [refusals, total] = await Promise.all([
    db().dryRunRefusal.findMany({ where: { migrationId, shop }, orderBy: { id: 'asc' }, take: limit }),
    db().sourceRecord.count({ where: { migrationId, shop, entity: { in: DRY_RUN_ENTITIES }, status: { not: 'invalid' } } }),
  ]);
  return {
    status: run.status,
    checked: run.checked,
    passed: run.passed,
    refused: run.refused,
    total,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    refusals: refusals.map((row) => ({ id: row.id.toString(), entity: row.entity, sourceId: row.sourceId, name: row.name, reason: row.reason })),
  };
}
