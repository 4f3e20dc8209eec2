// Any objects by their ids, as the verification looks for what a migration wrote.

export const FIND_NODES = `#graphql
  query VerifyNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
    }
  }
`;
