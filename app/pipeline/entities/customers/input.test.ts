// The customer transform, field by field and against Shopify's own input types (pinned Admin schema).
import { type OperationDefinitionNode, getVariableValues, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Customer } from '../../../../connectors/model.ts';
import { loadAdminSchema } from '../../../../admin-api/schema.ts';
import {
  checkContact,
  customerMetafields,
  emailConsentVariables,
  mergeCustomers,
  toCustomerSetVariables,
} from './input.server.ts';
import { CUSTOMER_METAFIELDS } from '../../../shopify-admin/graphql/metafields.ts';
import { CUSTOMER_EMAIL_CONSENT, CUSTOMER_SET } from '../../../shopify-admin/graphql/customers.ts';

const schema = loadAdminSchema();

function assertValidFor(document: string, variables: unknown) {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
  expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
}

const berlin = {
  firstName: 'Anna',
  lastName: 'Schmidt',
  address1: '1 Market Street',
  city: 'Berlin',
  zip: '10115',
  countryCode: 'DE',
  phone: '+49 30 1000',
};
const anna = Customer.parse({
  sourceId: '5001',
  email: 'Anna@Example.com',
  phone: '+49 (30) 1000',
  firstName: 'Anna',
  lastName: 'Schmidt',
  note: 'Prefers mornings',
  locale: 'de_DE',
  tags: ['vip'],
  totalSpent: '120.50',
  ordersCount: 3,
  addresses: [
    { ...berlin, kind: 'billing' },
    { ...berlin, kind: 'shipping' },
    { ...berlin, address1: '9 Harbour Road', kind: 'shipping' },
  ],
  defaultAddressIndex: 2,
  emailMarketing: { state: 'subscribed', optInLevel: 'confirmed_opt_in', consentUpdatedAt: '2024-03-01T10:00:00Z' },
});

describe('customer → customerSet', () => {
  const contact = checkContact(anna);
  const { input, identifier } = toCustomerSetVariables(anna, contact, null);

  it('produces variables Shopify’s schema accepts', () => {
    assertValidFor(CUSTOMER_SET, toCustomerSetVariables(anna, contact, null));
    assertValidFor(CUSTOMER_SET, toCustomerSetVariables(anna, contact, 'gid://shopify/Customer/1'));
    assertValidFor(CUSTOMER_METAFIELDS, {
      metafields: customerMetafields('gid://shopify/Customer/1', 'woocommerce', anna),
    });
    assertValidFor(CUSTOMER_EMAIL_CONSENT, emailConsentVariables('gid://shopify/Customer/1', anna));
  });

  it('upserts by email, phone in international form, names, note, locale, tags', () => {
    expect(identifier).toEqual({ email: 'anna@example.com' });
    expect(input).toMatchObject({
      email: 'anna@example.com',
      phone: '+49301000',
      firstName: 'Anna',
      lastName: 'Schmidt',
      note: 'Prefers mornings',
      locale: 'de-DE',
      tags: ['vip'],
    });
    expect(toCustomerSetVariables(anna, contact, 'gid://shopify/Customer/1').identifier).toEqual({
      id: 'gid://shopify/Customer/1',
    });
    expect(
      toCustomerSetVariables({ ...anna, email: null }, checkContact({ ...anna, email: null }), null).identifier,
    ).toEqual({ phone: '+49301000' });
  });

  it('sends every address once, the default first', () => {
    expect(input.addresses).toEqual([
      {
        firstName: 'Anna',
        lastName: 'Schmidt',
        address1: '9 Harbour Road',
        city: 'Berlin',
        zip: '10115',
        countryCode: 'DE',
        phone: '+49301000',
      },
      {
        firstName: 'Anna',
        lastName: 'Schmidt',
        address1: '1 Market Street',
        city: 'Berlin',
        zip: '10115',
        countryCode: 'DE',
        phone: '+49301000',
      },
    ]);
  });

  it('carries the source reference, total spent and order count as metafields, and the consent with its date and level', () => {
    expect(customerMetafields('gid://shopify/Customer/1', 'woocommerce', anna)).toEqual([
      {
        ownerId: 'gid://shopify/Customer/1',
        namespace: 'shipyard',
        key: 'source_reference',
        type: 'id',
        value: 'woocommerce:5001',
      },
      {
        ownerId: 'gid://shopify/Customer/1',
        namespace: 'shipyard',
        key: 'total_spent',
        type: 'number_decimal',
        value: '120.50',
      },
      {
        ownerId: 'gid://shopify/Customer/1',
        namespace: 'shipyard',
        key: 'orders_count',
        type: 'number_integer',
        value: '3',
      },
    ]);
    expect(emailConsentVariables('gid://shopify/Customer/1', anna)?.input.emailMarketingConsent).toEqual({
      marketingState: 'SUBSCRIBED',
      marketingOptInLevel: 'CONFIRMED_OPT_IN',
      consentUpdatedAt: '2024-03-01T10:00:00Z',
    });
    expect(emailConsentVariables('gid://shopify/Customer/1', { ...anna, emailMarketing: null })).toBeNull();
  });

  it('reads a phone in local form in the billing address country', () => {
    const local = checkContact({ ...anna, phone: '030 1000' });
    expect(local.phone).toBe('+49301000');
    expect(local.problems).toEqual([]);
    // With no address, the old store's own country.
    expect(checkContact({ ...anna, addresses: [], phone: '(207) 555-0142', storeCountryCode: 'US' }).phone).toBe(
      '+12075550142',
    );
    expect(checkContact({ ...anna, addresses: [], phone: '(207) 555-0142' }).phone).toBeNull();
  });

  it('leaves out an email or phone Shopify would refuse, says why, and keeps it in the note', () => {
    // Not a German number even read in Germany, the billing address's country.
    const broken = { ...anna, email: 'anna@@example', phone: '1000' };
    const checked = checkContact(broken);
    expect(checked.email).toBeNull();
    expect(checked.phone).toBeNull();
    expect(checked.problems.map((problem) => [problem.code, problem.subject])).toEqual([
      ['customer-email-invalid', 'anna@@example'],
      ['customer-phone-invalid', '1000'],
    ]);
    const variables = toCustomerSetVariables(broken, checked, null);
    expect(variables.identifier).toBeNull();
    expect(variables.input).not.toHaveProperty('email');
    expect(variables.input.note).toBe(
      'Prefers mornings\nEmail on the old store (not valid in Shopify): anna@@example\nPhone on the old store (not valid in Shopify): 1000',
    );
    assertValidFor(CUSTOMER_SET, variables);
  });

  it('merges duplicates: the first keeps its name, addresses and tags are joined, totals added up', () => {
    const twin = Customer.parse({
      sourceId: '5009',
      email: 'anna@example.com',
      firstName: 'A.',
      lastName: null,
      tags: ['wholesale', 'vip'],
      note: 'Second account',
      totalSpent: '10.00',
      ordersCount: 1,
      addresses: [
        { ...berlin, kind: 'billing' },
        { ...berlin, city: 'Hamburg', kind: 'shipping' },
      ],
      emailMarketing: { state: 'unsubscribed', consentUpdatedAt: '2025-01-01T00:00:00Z' },
    });
    const merged = mergeCustomers(anna, [twin]);
    expect(merged).toMatchObject({
      sourceId: '5001',
      firstName: 'Anna',
      tags: ['vip', 'wholesale'],
      note: 'Prefers mornings\n\nSecond account',
      totalSpent: '130.50',
      ordersCount: 4,
    });
    expect(merged.emailMarketing?.state).toBe('unsubscribed');
    const { input: mergedInput } = toCustomerSetVariables(merged, checkContact(merged), null);
    expect(
      (mergedInput.addresses as { address1: string; city: string }[]).map(
        (address) => `${address.address1}, ${address.city}`,
      ),
    ).toEqual(['9 Harbour Road, Berlin', '1 Market Street, Berlin', '1 Market Street, Hamburg']);
  });
});
