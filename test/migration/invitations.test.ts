// Account invitations, end to end: customers move from WooCommerce into a store that already has
// one of them (same email, so Shipyard writes into it); after launch the merchant asks for
// invitations. Exactly the customers Shipyard created get one email each (devstore records what
// Shopify would send), the customer the store already had gets none, asking again sends nothing
// more, a customer Shopify refuses (their account already exists) is reported with its reason, and
// a customer a re-sync brought is invited when asked again, and a store that no longer lets
// Shipyard in stops the sending with the reason.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/db/db.server.ts';
import {
  type InvitationRun,
  invitationSummary,
  inviteStep,
  newInvitationRun,
  sendInvitations,
} from '../../app/pipeline/steps/invite.server.ts';
import { MigrationNotFound, MigrationStateError, createMigration } from '../../app/pipeline/lifecycle.server.ts';
import { resyncMigration } from '../../app/pipeline/steps/resync.server.ts';
import { startMigration } from '../../app/pipeline/steps/extract.server.ts';
import type { Devstore } from '../../devstore/server.ts';
import { type TestShop, admin, control, startTestDevstore } from '../../devstore/testing.ts';
import { seedCatalog } from '../../connectors/woocommerce/fake/catalog.ts';
import { storeChanges } from '../../connectors/woocommerce/fake/store-changes.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from '../../connectors/woocommerce/fake/server.ts';
import { installedShop, startTestWorker, untilSettled } from './harness.ts';

let woo: WooCommerceTestServer;
let devstore: Devstore;
let shop: TestShop;
let runner: Runner;
let migrationId: string;
let catalog: ReturnType<typeof seedCatalog>;
let changes: ReturnType<typeof storeChanges>;
const own = { customerId: '', email: '' };
let refused = { customerId: '', email: '' };

interface SentEmail {
  kind: string;
  customerId: string;
  to: string;
}
const sentEmails = async (): Promise<SentEmail[]> =>
  (await control(devstore, 'GET', `/shops/${shop.domain}/emails`)).body;

async function migrateCustomers(options: Record<string, unknown>) {
  const migration = await createMigration({
    shop: shop.domain,
    platform: 'woocommerce',
    sourceUrl: woo.url,
    credentials: { url: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret },
    entities: ['customers'],
    options: { unattended: true, redirects: false, ...options },
  });
  await startMigration(shop.domain, migration.id);
  expect((await untilSettled(migration.id)).status).toBe('completed');
  return migration.id;
}

async function untilSent(id: string): Promise<InvitationRun> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { invitations } = await db().migration.findUniqueOrThrow({ where: { id } });
    const run = invitations as InvitationRun | null;
    if (run && run.status !== 'sending') return run;
    if (Date.now() > deadline) throw new Error('invitations still sending after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Customers the migrations created in Shopify (one per Shopify object; merged customers share one). */
async function createdCustomers(): Promise<string[]> {
  const entries = await db().idMapEntry.findMany({
    where: { shop: shop.domain, entity: 'customers', createdBy: { not: null } },
  });
  return [...new Set(entries.map((entry) => entry.shopifyGid))].sort();
}

beforeAll(async () => {
  catalog = seedCatalog({
    products: 1,
    variationsPerProduct: 1,
    imagesPerProduct: 0,
    categories: 1,
    customers: 8,
    orders: 0,
    coupons: 0,
    reviews: 0,
    pages: 0,
    posts: 0,
    awkward: false,
  });
  changes = storeChanges(catalog);
  woo = await startWooCommerceServer({ catalog });
  devstore = await startTestDevstore();
  shop = await installedShop(devstore);
  runner = await startTestWorker();

  own.email = String(catalog.customerAt(2).email);
  const { body } = await admin(
    devstore,
    shop,
    'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } } }',
    { input: { email: own.email, firstName: 'Shopify' } },
  );
  own.customerId = body.data.customerSet.customer.id;

  migrationId = await migrateCustomers({ inviteCustomers: true });

  // After launch one migrated customer made their account in the new store by themselves.
  const created = await createdCustomers();
  refused = { customerId: created[0] as string, email: '' };
  const { body: found } = await admin(devstore, shop, 'query($id: ID!) { customer(id: $id) { email } }', {
    id: refused.customerId,
  });
  refused.email = found.data.customer.email;
  await control(devstore, 'PUT', `/shops/${shop.domain}/customers/${refused.customerId.split('/').at(-1)}/state`, {
    state: 'ENABLED',
  });
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await devstore?.stop();
  await woo?.close();
});

describe('account invitations', () => {
  it('are offered only for a completed migration whose merchant chose them, in their own shop', async () => {
    const draft = await createMigration({
      shop: shop.domain,
      platform: 'woocommerce',
      sourceUrl: woo.url,
      credentials: {},
      entities: ['customers'],
      options: { inviteCustomers: true },
    });
    await expect(sendInvitations(shop.domain, draft.id)).rejects.toThrow(MigrationStateError);
    await expect(sendInvitations('someone-else.myshopify.com', migrationId)).rejects.toThrow(MigrationNotFound);
    const summary = await invitationSummary(shop.domain, migrationId);
    expect(summary).toMatchObject({ run: null, sent: 0, failed: 0, toSend: (await createdCustomers()).length });
    expect(await sentEmails()).toEqual([]);
  });

  it('email exactly the customers Shipyard created, once each; the customer the store had gets none', async () => {
    await sendInvitations(shop.domain, migrationId);
    expect((await untilSent(migrationId)).status).toBe('done');
    const created = await createdCustomers();
    expect(created).not.toContain(own.customerId);
    const emails = await sentEmails();
    expect(emails.map((email) => email.customerId).sort()).toEqual(created.filter((gid) => gid !== refused.customerId));
    expect(emails.every((email) => email.kind === 'customer_account_invite')).toBe(true);
    expect(emails.map((email) => email.to)).not.toContain(own.email);
    const { body } = await admin(devstore, shop, 'query($id: ID!) { customer(id: $id) { state } }', {
      id: emails[0]?.customerId,
    });
    expect(body.data.customer.state).toBe('INVITED');
  });

  it('reports the customer Shopify refused, with its reason and the customer’s email', async () => {
    const summary = await invitationSummary(shop.domain, migrationId);
    const created = await createdCustomers();
    expect(summary).toMatchObject({ sent: created.length - 1, failed: 1, toSend: 1 });
    expect(summary.problems).toEqual([
      { customerGid: refused.customerId, email: refused.email, reason: 'Customer has already created an account' },
    ]);
  });

  it('sends nothing more when asked again', async () => {
    const before = await sentEmails();
    await sendInvitations(shop.domain, migrationId);
    expect((await untilSent(migrationId)).status).toBe('done');
    expect(await sentEmails()).toEqual(before);
    expect(await db().customerInvitation.count({ where: { shop: shop.domain } })).toBe(
      (await createdCustomers()).length,
    );
  });

  it('invites the customer a re-sync brought, and only them', async () => {
    const before = await sentEmails();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    catalog.store.now = new Date();
    const newcomer = changes.signUp();
    const resyncId = (await resyncMigration(shop.domain, migrationId)).id;
    expect((await untilSettled(resyncId)).status).toBe('completed');
    const link = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'customers', sourceId: String(newcomer) },
    });
    expect(link.createdBy).toBe(resyncId);

    await sendInvitations(shop.domain, resyncId);
    expect((await untilSent(resyncId)).status).toBe('done');
    const after = await sentEmails();
    expect(after.slice(before.length).map((email) => email.customerId)).toEqual([link.shopifyGid]);
  });

  it('does not email again a customer Shopify already shows as invited (the worker died before the row was written)', async () => {
    const resync = await db().migration.findFirstOrThrow({ where: { resyncOf: migrationId } });
    const link = await db().idMapEntry.findFirstOrThrow({
      where: { shop: shop.domain, entity: 'customers', createdBy: resync.id },
    });
    await db().customerInvitation.delete({
      where: { shop_customerGid: { shop: shop.domain, customerGid: link.shopifyGid } },
    });
    const before = await sentEmails();
    await sendInvitations(shop.domain, resync.id);
    expect((await untilSent(resync.id)).status).toBe('done');
    expect(await sentEmails()).toEqual(before);
    expect(
      await db().customerInvitation.findUniqueOrThrow({
        where: { shop_customerGid: { shop: shop.domain, customerGid: link.shopifyGid } },
      }),
    ).toMatchObject({ error: null, sentAt: expect.any(Date) });
  });

  it('are refused when the merchant left them off', async () => {
    const without = await migrateCustomers({ inviteCustomers: false });
    await expect(sendInvitations(shop.domain, without)).rejects.toThrow('Account invitations were left off');
  });

  it('stop, sending nothing, when the migration is no longer completed (an undo started)', async () => {
    const before = await sentEmails();
    // As if the undo started while the job for this batch waited in the queue.
    await db().migration.update({
      where: { id: migrationId },
      data: { status: 'undoing', invitations: newInvitationRun() as object },
    });
    expect(await inviteStep(migrationId, null)).toBe('stopped');
    const run = await untilSent(migrationId);
    await db().migration.update({ where: { id: migrationId }, data: { status: 'completed' } });
    expect(run).toMatchObject({ status: 'stopped', error: 'Sending invitations stopped: the migration is undoing.' });
    expect(await sentEmails()).toEqual(before);
  });

  it('stop with Shopify’s answer when the store no longer lets Shipyard in, and keep what was sent', async () => {
    const before = await sentEmails();
    await control(devstore, 'POST', `/shops/${shop.domain}/uninstall`);
    await sendInvitations(shop.domain, migrationId);
    const run = await untilSent(migrationId);
    expect(run.status).toBe('stopped');
    expect(run.error).toMatch(/^Sending invitations stopped: /);
    expect(await sentEmails()).toEqual(before);
    expect((await invitationSummary(shop.domain, migrationId)).sent).toBe(before.length);
  });
});
