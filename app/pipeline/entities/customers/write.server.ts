// Load customers: customerSet per customer (found again by id map or source reference, else upserted
// by email, then phone), then its metafields and email consent. Source customers sharing an email
// or phone become one Shopify customer, and each merged record says into which. A customer whose
// text Shopify would refuse as too long is kept back, or cut, as the merchant chose (decision 0019).
import type { CustomerRecord } from '../../../../connectors/model.ts';
import { db } from '../../../db/db.server.ts';
import { metafieldsSetCost } from '../../../shopify-admin/costs.server.ts';
import { type StagedCustomer, customerGroups, groupOf, mergedCustomer } from './groups.server.ts';
import { keepCustomerBefore } from '../../staging/record-before.server.ts';
import { customIdentifier } from '../../../shopify-admin/source-reference.server.ts';
import { contentHash } from '../../staging/records.server.ts';
import {
  type Contact,
  checkContact,
  customerLongText,
  customerMetafields,
  emailConsentVariables,
  toCustomerSetVariables,
} from './input.server.ts';
import { type LongText, describeLongText } from '../../../shopify-admin/limits/text-limits.server.ts';
import { idMapFor, recordKeptAsFound, recordWritten } from '../../staging/id-map.server.ts';
import {
  IN_SHOPIFY,
  type BatchResult,
  batchResult,
  eachRecord,
  nextBatch,
  recordFailed,
  recordSkipped,
  settledWithoutWriting,
} from '../../staging/outcomes.server.ts';
import { type FoundProblem, keepProblems } from '../../staging/problems.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import { type LongTextRule, cutReport, keptBackReason, longTextAction } from '../long-text-rule.server.ts';
import { CUSTOMER_METAFIELDS } from '../../../shopify-admin/graphql/metafields.ts';
import {
  CUSTOMER_BY_REFERENCE,
  CUSTOMER_EMAIL_CONSENT,
  CUSTOMER_SET,
  type CustomerSetData,
} from '../../../shopify-admin/graphql/customers.ts';
import { migrationOptions } from '../../options.server.ts';

const PROBLEM_CODES = [
  'customer-email-invalid',
  'customer-phone-invalid',
  'address-region-unmatched',
  'customer-phone-taken',
  'customer-merged',
  'text-too-long',
];

const CONTACT_ACTIONS: Record<Contact['problems'][number]['code'], string> = {
  'customer-email-invalid': 'Correct it in Shopify when the customer gives a valid one.',
  'customer-phone-invalid': 'Correct it in Shopify when the customer gives a valid one.',
  'address-region-unmatched': "Choose the region in the customer's address in Shopify.",
};

type Written =
  | { id: string; failure: null; email: string | null; adopted: boolean; keptAsIs?: boolean; cut: LongText[] }
  | { id: null; failure: string; email: string | null; adopted: boolean; keptBack?: boolean };

/**
 * The customer's text against Shopify's lengths, by the merchant's rule: what to cut (reported as a
 * problem of the record), or null when the customer is to be kept back with the reason.
 */
function fitText(
  customer: CustomerRecord,
  contact: Contact,
  rule: LongTextRule,
  problems: FoundProblem[],
): LongText[] | null {
  const tooLong = customerLongText(customer, contact);
  if (tooLong.length > 0)
    problems.push({
      code: 'text-too-long',
      subject: tooLong.map((item) => item.field).join(', '),
      message: describeLongText(tooLong),
      action: longTextAction(rule),
    });
  return tooLong.length > 0 && rule === 'keep-back' ? null : tooLong;
}

/**
 * `keepBefore` is called with a customer the store already had, just before the migration writes
 * into it, so an undo can put it back.
 */
async function writeCustomer(
  writer: Writer,
  existingId: string | null,
  customer: CustomerRecord,
  problems: FoundProblem[],
  options: { skipExisting: boolean; rule: LongTextRule },
  keepBefore: (gid: string) => Promise<void>,
): Promise<Written> {
  const { skipExisting, rule } = options;
  const contact = checkContact(customer);
  for (const problem of contact.problems) problems.push({ ...problem, action: CONTACT_ACTIONS[problem.code] });
  let cut = fitText(customer, contact, rule, problems);
  if (!cut)
    return {
      id: null,
      failure: keptBackReason(customerLongText(customer, contact)),
      email: contact.email,
      adopted: false,
      keptBack: true,
    };
  let identifier = existingId;
  if (!identifier) {
    const { data } = await writer.client.request<{ customerByIdentifier: { id: string } | null }>(
      CUSTOMER_BY_REFERENCE,
      { identifier: customIdentifier(writer.platform, customer.sourceId) },
      { estimatedCost: 1 },
    );
    identifier = data.customerByIdentifier?.id ?? null;
  }
  // customerSet would write into a customer the merchant already has with this email or phone;
  // asking first tells which, so an undo leaves that customer in the store.
  let adopted = false;
  const contactIdentifier = contact.email
    ? { emailAddress: contact.email }
    : contact.phone
      ? { phoneNumber: contact.phone }
      : null;
  if (!identifier && contactIdentifier) {
    const { data } = await writer.client.request<{ customerByIdentifier: { id: string } | null }>(
      CUSTOMER_BY_REFERENCE,
      { identifier: contactIdentifier },
      { estimatedCost: 1 },
    );
    adopted = data.customerByIdentifier !== null;
    // The merchant chose to leave what is already in Shopify as it is: the customer is linked (their
    // orders go to them) but nothing of theirs is written over.
    if (data.customerByIdentifier && skipExisting)
      return {
        id: data.customerByIdentifier.id,
        failure: null,
        email: contact.email,
        adopted,
        keptAsIs: true,
        cut: [],
      };
    if (data.customerByIdentifier) await keepBefore(data.customerByIdentifier.id);
  }
  const variables = toCustomerSetVariables(customer, contact, identifier, rule);
  let result = (await writer.client.request<CustomerSetData>(CUSTOMER_SET, { ...variables }, { estimatedCost: 10 }))
    .data.customerSet;
  const phoneTaken =
    result.userErrors.length > 0 &&
    result.userErrors.every((error) => error.code === 'TAKEN' && error.field?.includes('phone'));
  if (phoneTaken && contact.phone) {
    // Another Shopify customer already has this phone (Shopify allows each once): move the customer without it.
    problems.push({
      code: 'customer-phone-taken',
      subject: contact.phone,
      message: `Another Shopify customer already has the phone ${contact.phone}; this customer moved without it (it is kept in the note).`,
      action: 'Check whether the two are the same person.',
    });
    const keptInNote = {
      ...customer,
      phone: null,
      note: [customer.note, `Phone on the old store (already used by another customer): ${contact.phone}`]
        .filter(Boolean)
        .join('\n'),
    };
    const noPhone = { ...contact, phone: null };
    // The line kept in the note can take it past Shopify's 5,000 characters: the rule decides again.
    const earlier = problems.findIndex((problem) => problem.code === 'text-too-long');
    if (earlier >= 0) problems.splice(earlier, 1);
    cut = fitText(keptInNote, noPhone, rule, problems);
    if (!cut)
      return {
        id: null,
        failure: keptBackReason(customerLongText(keptInNote, noPhone)),
        email: contact.email,
        adopted,
        keptBack: true,
      };
    result = (
      await writer.client.request<CustomerSetData>(
        CUSTOMER_SET,
        { ...toCustomerSetVariables(keptInNote, noPhone, identifier, rule) },
        { estimatedCost: 10 },
      )
    ).data.customerSet;
  }
  if (result.userErrors.length > 0 || !result.customer)
    return {
      id: null,
      failure: describeUserErrors(result.userErrors) || 'Shopify returned no customer',
      email: contact.email,
      adopted,
    };
  return { id: result.customer.id, failure: null, email: contact.email, adopted, cut };
}

/** Metafields and consent: a refusal here does not undo the customer, it is said in the record's reason. */
async function writeCustomerDetails(
  writer: Writer,
  id: string,
  customer: CustomerRecord,
  hasEmail: boolean,
  cut: LongText[],
): Promise<string[]> {
  const notes: string[] = [];
  const owned = customerMetafields(id, writer.platform, customer, cut);
  const metafields = await writer.client.request<{ metafieldsSet: { userErrors: UserError[] } }>(
    CUSTOMER_METAFIELDS,
    { metafields: owned },
    { estimatedCost: metafieldsSetCost(owned) },
  );
  if (metafields.data.metafieldsSet.userErrors.length > 0)
    notes.push(`Source reference and totals not kept: ${describeUserErrors(metafields.data.metafieldsSet.userErrors)}`);
  const consent = emailConsentVariables(id, customer);
  if (consent && hasEmail) {
    const { data } = await writer.client.request<{ customerEmailMarketingConsentUpdate: { userErrors: UserError[] } }>(
      CUSTOMER_EMAIL_CONSENT,
      consent,
      { estimatedCost: 10 },
    );
    if (data.customerEmailMarketingConsentUpdate.userErrors.length > 0)
      notes.push(
        `Email marketing consent not kept: ${describeUserErrors(data.customerEmailMarketingConsentUpdate.userErrors)}`,
      );
  } else if (consent) {
    notes.push('Email marketing consent not kept: the customer has no valid email in Shopify.');
  }
  return notes;
}

export async function loadCustomerBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop, options: stored } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const options = migrationOptions(stored);
  const skipExisting = options.existingRecords === 'skip';
  const rule = options.longText;
  const rows = await nextBatch(migrationId, 'customers', afterId);
  const groups = await customerGroups(migrationId, rows);
  const leaderOf = (row: StagedCustomer) => groupOf(row, groups);
  const leaders = rows.filter((row) => leaderOf(row).leader.id === row.id);
  const merged = rows.filter((row) => leaderOf(row).leader.id !== row.id);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'customers',
    rows.map((row) => row.sourceId),
  );
  const result = batchResult(rows);

  await eachRecord(leaders, writer.concurrency, result, async (row) => {
    const { group } = leaderOf(row);
    const others = group.filter((member) => member.id !== row.id);
    // The group's content decides whether anything changed: a new duplicate changes the merged customer.
    const hash =
      others.length === 0
        ? row.contentHash
        : contentHash([row.contentHash, ...others.map((member) => member.contentHash)]);
    const known = mapped.get(row.sourceId);
    if (await settledWithoutWriting(row, known, { skipExisting, hash }, result)) return;
    const customer = mergedCustomer(row, group);
    const problems: FoundProblem[] = [];
    const written = await writeCustomer(
      writer,
      known?.shopifyGid ?? null,
      customer,
      problems,
      { skipExisting, rule },
      (gid) => keepCustomerBefore(writer.client, shop, migrationId, gid),
    );
    await keepProblems(migrationId, 'customers', row.sourceId, PROBLEM_CODES, problems);
    if (written.id === null) {
      // Kept back by the merchant's rule for long text: not refused, nothing was sent.
      await (written.keptBack ? recordSkipped(row, written.failure) : recordFailed(row, written.failure));
      result.failed++;
      return;
    }
    if (written.keptAsIs) {
      const by = written.email ? `the email ${written.email}` : 'this phone';
      await recordKeptAsFound(
        shop,
        writer.platform,
        'customers',
        { ...row, contentHash: hash },
        written.id,
        `A customer with ${by} was already in Shopify; left as it is there, as chosen in the options. Their orders are linked to that customer.`,
      );
      result.unchanged++;
      return;
    }
    const notes = [
      ...problems.filter((problem) => problem.code !== 'text-too-long').map((problem) => problem.message),
      ...(written.cut.length > 0 ? [cutReport(written.cut)] : []),
      ...(await writeCustomerDetails(writer, written.id, customer, written.email !== null, written.cut)),
    ];
    if (others.length > 0)
      notes.push(
        `Merged with customer${others.length > 1 ? 's' : ''} ${others.map((member) => member.sourceId).join(', ')} (same email or phone).`,
      );
    await recordWritten(
      shop,
      writer.platform,
      'customers',
      { ...row, contentHash: hash },
      written.id,
      null,
      notes.join(' ') || null,
      { adopted: written.adopted },
    );
    result.written++;
  });

  // Each merged record points at its group's Shopify customer, so its orders link there too.
  const leaderLinks = await idMapFor(
    shop,
    writer.platform,
    'customers',
    merged.map((row) => leaderOf(row).leader.sourceId),
  );
  for (const row of merged) {
    const { leader, key } = leaderOf(row);
    const link = leaderLinks.get(leader.sourceId);
    const leaderRow = await db().sourceRecord.findUniqueOrThrow({
      where: { id: leader.id },
      select: { status: true, reason: true },
    });
    const why = `the same ${key?.split(' ')[0] ?? 'contact'} as customer ${leader.sourceId}`;
    // A leader kept as the store had it still has its link: the merged record's orders go there too.
    if (!link || ![...IN_SHOPIFY, 'skipped'].includes(leaderRow.status)) {
      await recordFailed(row, `Has ${why}, which did not move: ${leaderRow.reason ?? 'not written yet'}`);
      result.failed++;
      continue;
    }
    const message = `Merged into customer ${leader.sourceId}: it has ${why}, and Shopify allows each email and phone once.`;
    await keepProblems(migrationId, 'customers', row.sourceId, PROBLEM_CODES, [
      {
        code: 'customer-merged',
        subject: leader.sourceId,
        message,
        action: 'Nothing to do unless they are different people sharing one address.',
      },
    ]);
    // The group's leader owns the Shopify customer; an undo deletes it through the leader's link once.
    // Nothing is sent for a merged record: it counts as its group's customer did (unchanged when the leader was).
    const unchanged = leaderRow.status === 'unchanged';
    await recordWritten(shop, writer.platform, 'customers', row, link.shopifyGid, null, message, {
      adopted: true,
      status: unchanged ? 'unchanged' : 'written',
    });
    if (unchanged) result.unchanged++;
    else result.written++;
  }
  return result;
}
