// URL redirects: created and found by path.

export const CREATE_REDIRECT = `#graphql
  mutation MigrateRedirect($urlRedirect: UrlRedirectInput!) {
    urlRedirectCreate(urlRedirect: $urlRedirect) {
      urlRedirect {
        id
        path
        target
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const FIND_REDIRECT = `#graphql
  query FindRedirect($query: String!) {
    urlRedirects(first: 1, query: $query) {
      nodes {
        id
        path
        target
      }
    }
  }
`;
