// Products and variants: productSet, the store's variant count and a product read back to verify it.
import type { customIdentifier } from '../source-reference.server.ts';
import type { UserError } from '../user-errors.server.ts';

/** The productSet call with what the load keeps of the answer, request by request and in bulk operations alike. */
export const PRODUCT_SET = `#graphql
  mutation MigrateProduct($input: ProductSetInput!, $identifier: ProductSetIdentifiers, $variantCount: Int!) {
    productSet(input: $input, identifier: $identifier, synchronous: true) {
      product {
        id
        handle
        variants(first: $variantCount) {
          nodes {
            id
          }
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

/**
 * A variant as PRODUCT_SET reads it back: its id only. The variants come in position order
 * (Product.variants sorts by POSITION unless told otherwise) and every variant is sent with its
 * position, so the nth read back is the nth sent (docs/decisions/0036-variants-matched-by-position.md).
 */
export interface WrittenVariant {
  id: string;
}

/** What PRODUCT_SET answers, by request or as a line of a bulk operation's results. */
export interface ProductSetData {
  productSet: {
    product: { id: string; handle: string; variants: { nodes: WrittenVariant[] } } | null;
    userErrors: UserError[];
  };
}

export interface ProductSetVariables {
  input: Record<string, unknown>;
  identifier: { id: string } | ReturnType<typeof customIdentifier>;
  /**
   * How many variants to read back, so orders can link to them: all, but a connection's page is at
   * most 250, and the call with its read-back must stay within Shopify's 1,000 points.
   */
  variantCount: number;
}

export const VARIANTS_IN_SHOP = `#graphql
  query VariantsInShop {
    productVariantsCount(limit: null) {
      count
    }
  }
`;

export const VERIFY_PRODUCT = `#graphql
  query VerifyProduct($id: ID!) {
    product(id: $id) {
      title
      status
      vendor
      tags
      seo {
        title
        description
      }
      options {
        name
        values
      }
      variants(first: 250) {
        nodes {
          sku
          price
          compareAtPrice
        }
      }
    }
  }
`;
