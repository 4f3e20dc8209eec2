// Discount codes (basic and free shipping): created, updated, deleted, found by code, and the products and collections a basic code applies to.

export const DISCOUNT_BASIC_CREATE = `#graphql
  mutation MigrateDiscountCode($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode {
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

export const DISCOUNT_BASIC_UPDATE = `#graphql
  mutation UpdateMigratedDiscountCode($id: ID!, $discount: DiscountCodeBasicInput!) {
    discountCodeBasicUpdate(id: $id, basicCodeDiscount: $discount) {
      codeDiscountNode {
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

export const DISCOUNT_FREE_SHIPPING_CREATE = `#graphql
  mutation MigrateFreeShippingCode($discount: DiscountCodeFreeShippingInput!) {
    discountCodeFreeShippingCreate(freeShippingCodeDiscount: $discount) {
      codeDiscountNode {
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

export const DISCOUNT_FREE_SHIPPING_UPDATE = `#graphql
  mutation UpdateMigratedFreeShippingCode($id: ID!, $discount: DiscountCodeFreeShippingInput!) {
    discountCodeFreeShippingUpdate(id: $id, freeShippingCodeDiscount: $discount) {
      codeDiscountNode {
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

export const DISCOUNT_DELETE = `#graphql
  mutation DeleteMigratedDiscountCode($id: ID!) {
    discountCodeDelete(id: $id) {
      deletedCodeDiscountId
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** A code already in Shopify: its kind, and its tags, which say whether Shipyard wrote it. */
export const DISCOUNT_BY_CODE = `#graphql
  query DiscountCodeByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount {
        __typename
        ... on DiscountCodeBasic {
          tags
        }
        ... on DiscountCodeFreeShipping {
          tags
        }
      }
    }
  }
`;

export const DISCOUNT_KIND = `#graphql
  query MigratedDiscountKind($id: ID!) {
    codeDiscountNode(id: $id) {
      codeDiscount {
        __typename
        ... on DiscountCodeBasic {
          context {
            ... on DiscountCustomers {
              customers {
                id
              }
            }
          }
        }
        ... on DiscountCodeFreeShipping {
          context {
            ... on DiscountCustomers {
              customers {
                id
              }
            }
          }
        }
      }
    }
  }
`;

export const DISCOUNT_PRODUCTS = `#graphql
  query MigratedDiscountProducts($id: ID!, $after: String) {
    codeDiscountNode(id: $id) {
      codeDiscount {
        ... on DiscountCodeBasic {
          customerGets {
            items {
              ... on DiscountProducts {
                products(first: 250, after: $after) {
                  nodes {
                    id
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const DISCOUNT_COLLECTIONS = `#graphql
  query MigratedDiscountCollections($id: ID!, $after: String) {
    codeDiscountNode(id: $id) {
      codeDiscount {
        ... on DiscountCodeBasic {
          customerGets {
            items {
              ... on DiscountCollections {
                collections(first: 250, after: $after) {
                  nodes {
                    id
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
