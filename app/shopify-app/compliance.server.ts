// What Shopify's mandatory compliance webhooks ask of an app: delete a shop's data, delete a
// customer's data, and gather what is held about a customer. Every action leaves an audit entry
// that holds counts, never the personal data itself.
import { db } from '../db/db.server.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/**
 * Every table that holds rows of a shop, with how to delete them. A table added to the schema with
 * a `shop` column must be added here; a test compares this list with the database.
 */
export const shopTables = {
  Session: (tx: Tx, shop: string) => tx.session.deleteMany({ where: { shop } }),
  Shop: (tx: Tx, shop: string) => tx.shop.deleteMany({ where: { shop } }),
  Migration: (tx: Tx, shop: string) => tx.migration.deleteMany({ where: { shop } }),
  MigrationEntity: (tx: Tx, shop: string) => tx.migrationEntity.deleteMany({ where: { shop } }),
  MigrationProblem: (tx: Tx, shop: string) => tx.migrationProblem.deleteMany({ where: { shop } }),
  SourceRecord: (tx: Tx, shop: string) => tx.sourceRecord.deleteMany({ where: { shop } }),
  BulkBatch: (tx: Tx, shop: string) => tx.bulkBatch.deleteMany({ where: { shop } }),
  MigrationSample: (tx: Tx, shop: string) => tx.migrationSample.deleteMany({ where: { shop } }),
  DryRun: (tx: Tx, shop: string) => tx.dryRun.deleteMany({ where: { shop } }),
  DryRunRefusal: (tx: Tx, shop: string) => tx.dryRunRefusal.deleteMany({ where: { shop } }),
  IdMapEntry: (tx: Tx, shop: string) => tx.idMapEntry.deleteMany({ where: { shop } }),
  CustomerInvitation: (tx: Tx, shop: string) => tx.customerInvitation.deleteMany({ where: { shop } }),
  RecordBefore: (tx: Tx, shop: string) => tx.recordBefore.deleteMany({ where: { shop } }),
  CustomerDataExport: (tx: Tx, shop: string) => tx.customerDataExport.deleteMany({ where: { shop } }),
  WebhookReceipt: (tx: Tx, shop: string) => tx.webhookReceipt.deleteMany({ where: { shop } }),
  // Earlier entries go too; the redaction's own entry is written after.
  AuditEntry: (tx: Tx, shop: string) => tx.auditEntry.deleteMany({ where: { shop } }),
} satisfies Record<string, (tx: Tx, shop: string) => Promise<{ count: number }>>;

export async function redactShop(shop: string, reason: string): Promise<Record<string, number>> {
  return db().$transaction(async (tx) => {
    const deleted: Record<string, number> = {};
    for (const [table, remove] of Object.entries(shopTables)) {
      deleted[table] = (await remove(tx, shop)).count;
    }
    await tx.auditEntry.create({ data: { shop, action: 'shop.redacted', detail: { reason, deleted } } });
    return deleted;
  });
}

export interface CustomerReference {
  /** Shopify's numeric customer id. */
  id: number;
  email?: string | null;
  phone?: string | null;
  /** Shopify order ids the request names. */
  orderIds: number[];
}

const customerGid = (id: number) => `gid://shopify/Customer/${id}`;
const orderGid = (id: number) => `gid://shopify/Order/${id}`;

/**
 * The source records about a customer: those carrying their email or phone, and those the id map
 * links to the customer or to one of the named orders.
 */
async function customerRecords(tx: Tx, shop: string, customer: CustomerReference) {
  const gids = [customerGid(customer.id), ...customer.orderIds.map(orderGid)];
  const mapped = await tx.idMapEntry.findMany({ where: { shop, shopifyGid: { in: gids } } });
  const contact = [
    ...(customer.email ? [{ email: customer.email.trim().toLowerCase() }] : []),
    ...(customer.phone ? [{ phone: customer.phone.trim() }] : []),
  ];
  const records = await tx.sourceRecord.findMany({
    where: {
      shop,
      OR: [...contact, ...mapped.map((entry) => ({ entity: entry.entity, sourceId: entry.sourceId }))],
    },
  });
  return { mapped, records };
}

export async function redactCustomer(shop: string, customer: CustomerReference): Promise<Record<string, number>> {
  return db().$transaction(async (tx) => {
    const { mapped, records } = await customerRecords(tx, shop, customer);
    const sourceRecords = await tx.sourceRecord.deleteMany({
      where: { id: { in: records.map((record) => record.id) } },
    });
    const idMap = await tx.idMapEntry.deleteMany({ where: { id: { in: mapped.map((entry) => entry.id) } } });
    const exports = await tx.customerDataExport.deleteMany({ where: { shop, customerId: String(customer.id) } });
    const invitations = await tx.customerInvitation.deleteMany({
      where: { shop, customerGid: customerGid(customer.id) },
    });
    const kept = await tx.recordBefore.deleteMany({ where: { shop, shopifyGid: customerGid(customer.id) } });
    const deleted = {
      SourceRecord: sourceRecords.count,
      IdMapEntry: idMap.count,
      CustomerDataExport: exports.count,
      CustomerInvitation: invitations.count,
      RecordBefore: kept.count,
    };
    await tx.auditEntry.create({
      data: {
        shop,
        action: 'customer.redacted',
        detail: { customerId: customer.id, orders: customer.orderIds.length, deleted },
      },
    });
    return deleted;
  });
}

/** Gathers what Shipyard holds about a customer into an export the merchant can hand over. */
export async function exportCustomerData(shop: string, customer: CustomerReference, dataRequestId: string | null) {
  return db().$transaction(async (tx) => {
    const { mapped, records } = await customerRecords(tx, shop, customer);
    const data = {
      customerId: customer.id,
      sourceRecords: records.map((record) => ({
        migrationId: record.migrationId,
        entity: record.entity,
        sourceId: record.sourceId,
        data: record.data,
      })),
      shopifyLinks: mapped.map((entry) => ({
        platform: entry.platform,
        entity: entry.entity,
        sourceId: entry.sourceId,
        shopifyGid: entry.shopifyGid,
      })),
      accountInvitations: (
        await tx.customerInvitation.findMany({ where: { shop, customerGid: customerGid(customer.id) } })
      ).map((row) => ({ sentAt: row.sentAt, error: row.error })),
      // How the customer was in Shopify before a migration wrote into them, kept so an undo can put it back.
      beforeMigration: (await tx.recordBefore.findMany({ where: { shop, shopifyGid: customerGid(customer.id) } })).map(
        (row) => ({ migrationId: row.migrationId, keptAt: row.createdAt, data: row.before }),
      ),
    };
    const created = await tx.customerDataExport.create({
      data: { shop, customerId: String(customer.id), dataRequestId, data },
    });
    await tx.auditEntry.create({
      data: {
        shop,
        action: 'customer.data_requested',
        detail: { customerId: customer.id, exportId: created.id, records: records.length },
      },
    });
    return created;
  });
}
