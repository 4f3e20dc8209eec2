// Files: images uploaded from a URL, their processing status, and their deletion.

export const FILE_CREATE = `#graphql
  mutation MigrateBodyImages($files: [FileCreateInput!]!) {
    fileCreate(files: $files) {
      files { id }
      userErrors { field message code }
    }
  }
`;

export const FILE_STATUS = `#graphql
  query BodyImageStatus($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on MediaImage { id fileStatus image { url } fileErrors { code message } }
    }
  }
`;

export const FILE_DELETE = `#graphql
  mutation DeleteFailedBodyImages($fileIds: [ID!]!) {
    fileDelete(fileIds: $fileIds) {
      deletedFileIds
      userErrors { field message code }
    }
  }
`;
