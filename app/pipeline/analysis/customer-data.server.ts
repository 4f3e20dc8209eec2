// Protected customer data in the pipeline: Shopify is asked at plan time whether Shipyard may use
// customers' names, emails, phones and addresses; without it customers and orders are kept back,
// all of them with one reason, and everything else moves. The same when Shopify takes the approval
// back while writing. Decision 0014.
import type { Entity } from '../../../connectors/model.ts';
import { db } from '../../db/db.server.ts';
import { AdminApiError } from '../../shopify-admin/client.server.ts';
import { adminClientFor } from '../../shopify-admin/connection.server.ts';
import { checkCustomerDataAccess } from '../../shopify-admin/customer-data-access.server.ts';
import type { Finding } from './findings.server.ts';
import {
  type CustomerDataNotice,
  customerDataWords,
  heldBackReason,
  isCustomerDataEntity,
} from './customer-data-notice.ts';
import type { MigrationPlan } from './plan.server.ts';

export const CUSTOMER_DATA_PROBLEM = 'customer-data-access';

/** The notice for the plan when customers or orders are chosen and Shopify refuses their data; null when it lets Shipyard use it. */
export async function customerDataAtPlanTime(shop: string, entities: Entity[]): Promise<CustomerDataNotice | null> {
  const heldBack = entities.filter(isCustomerDataEntity);
  if (heldBack.length === 0) return null;
  try {
    const access = await checkCustomerDataAccess(await adminClientFor(shop));
    return access.granted ? null : { heldBack, shopifySays: access.shopifySays, found: 'planning' };
  } catch (error) {
    // The app is not installed (or was removed): the write says so, for every entity at once.
    if (error instanceof AdminApiError && error.kind === 'unauthorized') return null;
    throw error;
  }
}

/** One finding per entity kept back, so the analysis lists it beside the other problems. */
export function customerDataFindings(notice: CustomerDataNotice | null): Finding[] {
  if (!notice) return [];
  const { whatToDo } = customerDataWords(notice);
  return notice.heldBack.map((entity) => ({
    entity,
    sourceId: null,
    code: CUSTOMER_DATA_PROBLEM,
    message: `Shopify has not approved Shipyard to use customers’ names, emails, phone numbers and addresses on this store: the ${entity} are kept back, none written.`,
    action: whatToDo,
  }));
}

/** The plan with the entities kept back costing nothing, and saying why. */
export function planWithCustomerData(plan: MigrationPlan, notice: CustomerDataNotice | null): MigrationPlan {
  if (!notice) return { ...plan, customerData: null };
  const entities = plan.entities.map((entity) =>
    notice.heldBack.includes(entity.entity)
      ? { ...entity, points: 0, seconds: 0, note: 'Kept back: Shopify has not approved customer data access.' }
      : entity,
  );
  return {
    ...plan,
    entities,
    points: entities.reduce((sum, entity) => sum + entity.points, 0),
    seconds: entities.reduce((sum, entity) => sum + entity.seconds, 0),
    customerData: notice,
  };
}

export function customerDataNotice(plan: unknown): CustomerDataNotice | null {
  return (plan as MigrationPlan | null)?.customerData ?? null;
}

/** Keeps every record of `entity` not yet written in staging, skipped with the one reason; no request is made. */
export async function holdBackCustomerData(
  migrationId: string,
  entity: Entity,
  notice: CustomerDataNotice,
): Promise<void> {
  const { shop } = await db().migration.findUniqueOrThrow({ where: { id: migrationId }, select: { shop: true } });
  const [finding] = customerDataFindings({ ...notice, heldBack: [entity] });
  await db().$transaction([
    db().sourceRecord.updateMany({
      where: { migrationId, entity, status: 'staged' },
      data: { status: 'skipped', reason: heldBackReason(notice) },
    }),
    db().migrationProblem.deleteMany({ where: { migrationId, entity, code: CUSTOMER_DATA_PROBLEM } }),
    ...(finding ? [db().migrationProblem.create({ data: { shop, migrationId, ...finding } })] : []),
  ]);
}

/**
 * Shopify refused customer data while writing (the approval was taken back): the migration's plan
 * now says so, for the entities that follow and for the merchant. The notice found first is kept.
 */
export async function customerDataRefusedWhileWriting(
  migrationId: string,
  shopifySays: string,
): Promise<CustomerDataNotice> {
  const migration = await db().migration.findUniqueOrThrow({
    where: { id: migrationId },
    select: { plan: true, entities: true },
  });
  const known = customerDataNotice(migration.plan);
  if (known) return known;
  const notice: CustomerDataNotice = {
    heldBack: (migration.entities as Entity[]).filter(isCustomerDataEntity),
    shopifySays,
    found: 'writing',
  };
  await db().migration.update({
    where: { id: migrationId },
    data: { plan: { ...((migration.plan as object | null) ?? {}), customerData: notice } as object },
  });
  return notice;
}
