// Customers: written with customerSet, found by source reference or email, their marketing consent, account invitations and what a customer was before a migration wrote to it.
import type { UserError } from '../user-errors.server.ts';

export const CUSTOMER_SET = `#graphql
  mutation MigrateCustomer($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) {
    customerSet(input: $input, identifier: $identifier) {
      customer {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** What CUSTOMER_SET answers. */
export interface CustomerSetData {
  customerSet: { customer: { id: string } | null; userErrors: UserError[] };
}

export const CUSTOMER_BY_REFERENCE = `#graphql
  query CustomerBySourceReference($identifier: CustomerIdentifierInput!) {
    customerByIdentifier(identifier: $identifier) {
      id
    }
  }
`;

export const CUSTOMER_EMAIL_CONSENT = `#graphql
  mutation MigrateCustomerEmailConsent($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const CUSTOMER_BY_EMAIL = `#graphql
  query CustomerBeforeGuestOrder($email: String!) {
    customerByIdentifier(identifier: { emailAddress: $email }) {
      id
    }
  }
`;

export const SEND_ACCOUNT_INVITE = `#graphql
  mutation SendAccountInvite($customerId: ID!) {
    customerSendAccountInviteEmail(customerId: $customerId) {
      customer { id }
      userErrors { field message code }
    }
  }
`;

/** Where each customer's account stands in Shopify: an INVITED one already has an invitation in their inbox. */
export const CUSTOMER_STATES = `#graphql
  query CustomerAccountStates($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Customer { id state }
    }
  }
`;

export const CUSTOMER_BEFORE = `#graphql
  query CustomerBeforeMigration($id: ID!) {
    customer(id: $id) {
      email
      phone
      firstName
      lastName
      note
      locale
      tags
      addresses(first: 250) {
        firstName
        lastName
        company
        address1
        address2
        city
        provinceCode
        countryCodeV2
        zip
        phone
      }
      reference: metafield(namespace: "shipyard", key: "source_reference") {
        type
        value
      }
      totalSpent: metafield(namespace: "shipyard", key: "total_spent") {
        type
        value
      }
      ordersCount: metafield(namespace: "shipyard", key: "orders_count") {
        type
        value
      }
    }
  }
`;
