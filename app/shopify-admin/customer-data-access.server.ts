// Whether Shopify lets Shipyard read and write customers' names, emails, phones and addresses on this
// shop (protected customer data, levels 1 and 2: https://shopify.dev/docs/apps/launch/protected-customer-data),
// asked before anything is written so the merchant hears it in the plan, not record by record.
import { AdminApiError, type AdminClient } from './client.server.ts';

/**
 * Shopify documents the read: without access the connection is refused, and with level 1 alone the
 * name, email, phone and address fields of a customer or order it returns are. A store with no
 * customer and no order yet has no such field to refuse, so then the write is asked too.
 */
export const CUSTOMER_DATA_READ = `#graphql
  query CustomerDataAccess {
    customers(first: 1) {
      nodes {
        id
        firstName
        lastName
        email
        phone
        defaultAddress {
          address1
          zip
        }
      }
    }
    orders(first: 1) {
      nodes {
        id
        email
        shippingAddress {
          address1
        }
      }
    }
  }
`;

/**
 * A customerSet that cannot write anything: it names a customer id no store has, so with access the
 * answer is NOT_FOUND. Without it, the name, email, phone and address it carries are refused.
 */
export const CUSTOMER_DATA_WRITE = `#graphql
  mutation CustomerDataWriteAccess($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers) {
    customerSet(input: $input, identifier: $identifier) {
      userErrors {
        code
      }
    }
  }
`;

const NO_SUCH_CUSTOMER = 'gid://shopify/Customer/0';
const PERSON = {
  firstName: 'Shipyard',
  lastName: 'Access check',
  email: 'access-check@example.com',
  phone: '+14155550100',
  addresses: [{ address1: '1 Access Check Way', zip: '94105', countryCode: 'US' }],
};

export type CustomerDataAccess = { granted: true } | { granted: false; shopifySays: string };

export async function checkCustomerDataAccess(client: AdminClient): Promise<CustomerDataAccess> {
  try {
    const { data } = await client.request<{ customers: { nodes: unknown[] }; orders: { nodes: unknown[] } }>(
      CUSTOMER_DATA_READ,
      {},
      { estimatedCost: 8 },
    );
    if (data.customers.nodes.length > 0 || data.orders.nodes.length > 0) return { granted: true };
    await client.request(
      CUSTOMER_DATA_WRITE,
      { identifier: { id: NO_SUCH_CUSTOMER }, input: PERSON },
      { estimatedCost: 10 },
    );
    return { granted: true };
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === 'customer-data')
      return { granted: false, shopifySays: error.message };
    throw error;
  }
}
