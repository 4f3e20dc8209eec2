// Orders: created with orderCreate and found by source reference.
import type { UserError } from '../user-errors.server.ts';

export const ORDER_CREATE = `#graphql
  mutation MigrateOrder($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
    orderCreate(order: $order, options: $options) {
      order {
        id
        name
        processedAt
        totalPriceSet {
          presentmentMoney {
            amount
          }
        }
        customer {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** What ORDER_CREATE answers. */
export interface OrderCreateData {
  orderCreate: { order: CreatedOrder | null; userErrors: UserError[] };
}

export interface CreatedOrder {
  id: string;
  name: string;
  processedAt: string;
  totalPriceSet: { presentmentMoney: { amount: string } };
  customer: { id: string } | null;
}

export const ORDER_BY_REFERENCE = `#graphql
  query OrderBySourceReference($identifier: OrderIdentifierInput!) {
    orderByIdentifier(identifier: $identifier) {
      id
      name
    }
  }
`;
