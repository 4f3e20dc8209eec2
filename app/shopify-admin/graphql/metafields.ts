// Metafields set and deleted on any owner, many in one call (a product's reviews, a customer's extra fields, and taking off what a migration wrote).

export const PRODUCT_REVIEWS_SET = `#graphql
  mutation MigrateProductReviews($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
`;

export const CUSTOMER_METAFIELDS = `#graphql
  mutation MigrateCustomerMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const METAFIELDS_DELETE = `#graphql
  mutation TakeOffMetafields($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const ENSURE_SOURCE_REFERENCE_DEFINITION = `#graphql
  mutation EnsureSourceReferenceDefinition($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition {
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
