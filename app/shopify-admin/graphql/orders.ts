// Orders: created with orderCreate and found by source reference.

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

export const ORDER_BY_REFERENCE = `#graphql
  query OrderBySourceReference($identifier: OrderIdentifierInput!) {
    orderByIdentifier(identifier: $identifier) {
      id
      name
    }
  }
`;
