// Publishing products and collections on sales channels, and reading where they are published.

export const PUBLISH = `#graphql
  mutation PublishMigrated($id: ID!, $input: [PublicationInput!]!) {
    publishablePublish(id: $id, input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`;

export const UNPUBLISH = `#graphql
  mutation UnpublishMigrated($id: ID!, $input: [PublicationInput!]!) {
    publishableUnpublish(id: $id, input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`;

export const VERIFY_PUBLISHED = `#graphql
  query VerifyPublished($ids: [ID!]!, $publicationId: ID!) {
    nodes(ids: $ids) {
      id
      ... on Publishable {
        publishedOnPublication(publicationId: $publicationId)
      }
    }
  }
`;
