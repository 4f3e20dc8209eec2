// URL redirects: created, retargeted and found by path one at a time, or imported from a CSV file in bulk.

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

export const UPDATE_REDIRECT = `#graphql
  mutation RetargetRedirect($id: ID!, $urlRedirect: UrlRedirectInput!) {
    urlRedirectUpdate(id: $id, urlRedirect: $urlRedirect) {
      urlRedirect {
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

/** The store's newest redirect: the import's new redirects are those after it (ids only grow). */
export const NEWEST_REDIRECT = `#graphql
  query NewestRedirect {
    urlRedirects(first: 1, sortKey: ID, reverse: true) {
      nodes {
        id
      }
    }
  }
`;

/** A page of redirects matching a search (`path:"/a" OR path:"/b"`, `id:>1234`), oldest first. */
export const REDIRECTS_PAGE = `#graphql
  query RedirectsPage($query: String, $first: Int!, $after: String) {
    urlRedirects(first: $first, after: $after, query: $query, sortKey: ID) {
      nodes {
        id
        path
        target
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const STAGE_REDIRECT_FILE = `#graphql
  mutation StageRedirectFile($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        resourceUrl
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const CREATE_REDIRECT_IMPORT = `#graphql
  mutation CreateRedirectImport($url: URL!) {
    urlRedirectImportCreate(url: $url) {
      urlRedirectImport {
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

export const SUBMIT_REDIRECT_IMPORT = `#graphql
  mutation SubmitRedirectImport($id: ID!) {
    urlRedirectImportSubmit(id: $id) {
      job {
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

export const REDIRECT_IMPORT_STATUS = `#graphql
  query RedirectImportStatus($id: ID!) {
    urlRedirectImport(id: $id) {
      finished
      count
      createdCount
      updatedCount
      failedCount
    }
  }
`;

/** A bulk query over redirects (the query is a string: bulkOperationRunQuery's own argument). */
export const EXPORT_REDIRECTS = `#graphql
  mutation ExportRedirects($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
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
