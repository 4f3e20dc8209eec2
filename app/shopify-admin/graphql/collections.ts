// Collections: found by their source reference, created and updated.

export const COLLECTION_BY_REFERENCE = `#graphql
  query CollectionByReference($identifier: CollectionIdentifierInput!) {
    collectionByIdentifier(identifier: $identifier) {
      id
      handle
    }
  }
`;

export const CREATE_COLLECTION = `#graphql
  mutation MigrateCollectionCreate($collection: CollectionCreateInput!) {
    collectionCreate(collection: $collection) {
      collection {
        id
        handle
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const UPDATE_COLLECTION = `#graphql
  mutation MigrateCollectionUpdate($collection: CollectionUpdateInput!) {
    collectionUpdate(collection: $collection) {
      collection {
        id
        handle
      }
      userErrors {
        field
        message
      }
    }
  }
`;
