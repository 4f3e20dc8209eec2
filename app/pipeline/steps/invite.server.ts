// Account invitations after launch, asked for by the merchant: customer passwords cannot move to Shopify, so a merchant who
// chose the option asks Shopify to email each customer Shipyard created an invitation to set a new
// one. Sent as a chain of jobs in the migration's write queue, one batch of id map entries per
// job, through the shop's Admin client and its budget. Customers Shipyard found already in the
// store (adopted: createdBy is null) have an account of their own and are never invited. Each
// customer's invitation is recorded the moment Shopify answers (CustomerInvitation, one row per
// customer and shop), so a retried job or a second request never invites anyone twice; a customer
// Shopify already shows as INVITED (the worker died before the row was written) is not emailed again.
import { db } from '../../db/db.server.ts';
import { MigrationStateError, chainOf, ownedMigration } from '../lifecycle.server.ts';
import { AdminApiError } from '../../shopify-admin/client.server.ts';
import { notifyProgress } from '../staging/progress.server.ts';
import { stagedRecord } from '../staging/records.server.ts';
import { queueInvitations } from '../queue.server.ts';
import { writerFor, inParallel } from '../../shopify-admin/writer.server.ts';
import type { UserError } from '../../shopify-admin/user-errors.server.ts';
import { CUSTOMER_STATES, SEND_ACCOUNT_INVITE } from '../../shopify-admin/graphql/customers.ts';
import { migrationOptions } from '../options.server.ts';

export const INVITE_BATCH = 50;

/** Migration.invitations: whether sending is under way; who got one is in CustomerInvitation. */
export interface InvitationRun {
  status: 'sending' | 'done' | 'stopped';
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** Customers the chain created in Shopify who have not had an invitation sent yet. */
export async function customersToInvite(shop: string, chain: string[]): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(DISTINCT e."shopifyGid") AS count FROM "IdMapEntry" e
    WHERE e.shop = ${shop} AND e.entity = 'customers' AND e."createdBy" = ANY(${chain}::text[])
      AND NOT EXISTS (SELECT 1 FROM "CustomerInvitation" i WHERE i.shop = e.shop AND i."customerGid" = e."shopifyGid" AND i."sentAt" IS NOT NULL)`;
  return Number(row?.count ?? 0);
}

export interface InvitationSummary {
  run: InvitationRun | null;
  /** Created customers still without an invitation (those that failed included). */
  toSend: number;
  sent: number;
  failed: number;
  /** The first customers Shopify refused, with its reason. */
  problems: { customerGid: string; email: string | null; reason: string }[];
}

const SHOWN_PROBLEMS = 50;

export async function invitationSummary(shop: string, migrationId: string): Promise<InvitationSummary> {
  const chain = await chainOf(shop, migrationId);
  const migration = await db().migration.findFirst({ where: { shop, id: migrationId }, select: { invitations: true } });
  const [toSend, sent, failed, refused] = await Promise.all([
    customersToInvite(shop, chain),
    db().customerInvitation.count({ where: { shop, migrationId: { in: chain }, sentAt: { not: null } } }),
    db().customerInvitation.count({ where: { shop, migrationId: { in: chain }, sentAt: null, error: { not: null } } }),
    db().customerInvitation.findMany({
      where: { shop, migrationId: { in: chain }, sentAt: null, error: { not: null } },
      orderBy: { id: 'asc' },
      take: SHOWN_PROBLEMS,
    }),
  ]);
  return {
    run: (migration?.invitations ?? null) as InvitationRun | null,
    toSend,
    sent,
    failed,
    problems: await Promise.all(
      refused.map(async (row) => ({
        customerGid: row.customerGid,
        email: await emailOf(shop, chain, row.customerGid),
        reason: row.error ?? '',
      })),
    ),
  };
}

/** The address the old store had for the customer, so the merchant knows who it is. */
async function emailOf(shop: string, chain: string[], customerGid: string): Promise<string | null> {
  const link = await db().idMapEntry.findFirst({
    where: { shop, entity: 'customers', shopifyGid: customerGid },
    select: { sourceId: true },
  });
  if (!link) return null;
  const record = await db().sourceRecord.findFirst({
    where: { shop, migrationId: { in: chain }, entity: 'customers', sourceId: link.sourceId },
    orderBy: { id: 'desc' },
    select: { data: true },
  });
  return record ? (stagedRecord('customers', record).email ?? null) : null;
}

export function newInvitationRun(): InvitationRun {
  return { status: 'sending', startedAt: new Date().toISOString(), finishedAt: null, error: null };
}

/**
 * Emails an account invitation to every customer the migration and its re-syncs created who has
 * not had one (inviteStep below), once the merchant has launched and asks for it. Customers
 * Shopify refused before are tried again; nobody who got one gets a second.
 */
export async function sendInvitations(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'completed')
    throw new MigrationStateError(`The migration is ${migration.status}; invitations go out once it has completed.`);
  if (!migrationOptions(migration.options).inviteCustomers) {
    throw new MigrationStateError('Account invitations were left off in this migration’s options.');
  }
  if ((migration.invitations as InvitationRun | null)?.status === 'sending')
    throw new MigrationStateError('Invitations are already being sent.');
  const waiting = await customersToInvite(shop, await chainOf(shop, id));
  return db().$transaction(async (tx) => {
    if (waiting === 0) {
      return tx.migration.update({
        where: { id },
        data: {
          invitations: { ...newInvitationRun(), status: 'done', finishedAt: new Date().toISOString() } as object,
        },
      });
    }
    const sending = await tx.migration.update({ where: { id }, data: { invitations: newInvitationRun() as object } });
    await queueInvitations(tx, id, null);
    return sending;
  });
}

export type InviteOutcome = 'next-batch' | 'done' | 'not-sending' | 'stopped';

interface InviteAnswer {
  customerSendAccountInviteEmail: {
    customer: { id: string } | null;
    userErrors: (UserError & { code?: string | null })[];
  } | null;
}

/** One customer's invitation as Shopify answered it: sent now, or refused with its words (sent again next time). */
async function recordInvitation(
  shop: string,
  migrationId: string,
  customerGid: string,
  error: string | null,
): Promise<void> {
  const outcome = { migrationId, sentAt: error ? null : new Date(), error };
  await db().customerInvitation.upsert({
    where: { shop_customerGid: { shop, customerGid } },
    create: { shop, customerGid, ...outcome },
    update: outcome,
  });
}

export async function inviteStep(
  migrationId: string,
  afterId: bigint | null,
  connect: typeof writerFor = writerFor,
): Promise<InviteOutcome> {
  const migration = await db().migration.findUnique({ where: { id: migrationId } });
  if (!migration || (migration.invitations as InvitationRun | null)?.status !== 'sending') return 'not-sending';
  // An undo started since deletes the very customers being invited: stop rather than email them.
  if (migration.status !== 'completed') {
    await finish(migrationId, `Sending invitations stopped: the migration is ${migration.status}.`);
    return 'stopped';
  }
  const { shop } = migration;
  const chain = await chainOf(shop, migrationId);
  const entries = await db().idMapEntry.findMany({
    where: {
      shop,
      entity: 'customers',
      createdBy: { in: chain },
      ...(afterId === null ? {} : { id: { gt: afterId } }),
    },
    orderBy: { id: 'asc' },
    take: INVITE_BATCH,
  });
  const gids = [...new Set(entries.map((entry) => entry.shopifyGid))];
  const done = new Set(
    (
      await db().customerInvitation.findMany({
        where: { shop, customerGid: { in: gids }, sentAt: { not: null } },
        select: { customerGid: true },
      })
    ).map((row) => row.customerGid),
  );
  const due = gids.filter((gid) => !done.has(gid));

  try {
    if (due.length > 0) {
      const writer = await connect(shop, migration.sourcePlatform);
      // A worker that died after Shopify sent an invitation and before its row was written would send
      // it again: Shopify marks the customer INVITED when it sends, so that one is recorded, not emailed.
      const { data: states } = await writer.client.request<{ nodes: ({ id: string; state: string } | null)[] }>(
        CUSTOMER_STATES,
        { ids: due },
        { estimatedCost: 1 + due.length },
      );
      const invited = new Set(states.nodes.flatMap((node) => (node?.state === 'INVITED' ? [node.id] : [])));
      for (const customerGid of invited) await recordInvitation(shop, migrationId, customerGid, null);
      await inParallel(
        due.filter((gid) => !invited.has(gid)),
        writer.concurrency,
        async (customerGid) => {
          const { data } = await writer.client.request<InviteAnswer>(
            SEND_ACCOUNT_INVITE,
            { customerId: customerGid },
            { estimatedCost: 10 },
          );
          const answer = data.customerSendAccountInviteEmail;
          // The field is always customerId here; Shopify's message alone is what the merchant reads.
          const error = answer?.customer
            ? null
            : (answer?.userErrors ?? []).map((problem) => problem.message).join('; ') ||
              'Shopify did not send the invitation';
          await recordInvitation(shop, migrationId, customerGid, error);
        },
      );
    }
  } catch (error) {
    if (!(error instanceof AdminApiError && ['unauthorized', 'graphql', 'max-cost'].includes(error.kind))) throw error;
    await finish(migrationId, `Sending invitations stopped: ${error.message}`);
    return 'stopped';
  }

  const last = entries.at(-1);
  if (entries.length === INVITE_BATCH && last) {
    await db().$transaction(async (tx) => {
      await notifyProgress(tx, migrationId);
      await queueInvitations(tx, migrationId, last.id);
    });
    return 'next-batch';
  }
  await finish(migrationId, null);
  return 'done';
}

async function finish(migrationId: string, stopped: string | null) {
  await db().$transaction(async (tx) => {
    const { invitations } = await tx.migration.findUniqueOrThrow({
      where: { id: migrationId },
      select: { invitations: true },
    });
    const run = {
      ...((invitations ?? newInvitationRun()) as unknown as InvitationRun),
      status: stopped ? 'stopped' : 'done',
      finishedAt: new Date().toISOString(),
      error: stopped,
    };
    await tx.migration.update({ where: { id: migrationId }, data: { invitations: run as object } });
    await notifyProgress(tx, migrationId);
  });
}
