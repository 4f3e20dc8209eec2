// The online store's content: pages, the blog and its articles.

export const FIND_PAGES = `#graphql
  query FindMigratedPages($query: String!) {
    pages(first: 5, query: $query) {
      nodes {
        id
        handle
        reference: metafield(namespace: "shipyard", key: "source_reference") {
          value
        }
      }
    }
  }
`;

export const CREATE_PAGE = `#graphql
  mutation MigratePageCreate($page: PageCreateInput!) {
    pageCreate(page: $page) {
      page {
        id
        handle
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const UPDATE_PAGE = `#graphql
  mutation MigratePageUpdate($id: ID!, $page: PageUpdateInput!) {
    pageUpdate(id: $id, page: $page) {
      page {
        id
        handle
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const FIND_BLOG = `#graphql
  query FindBlog($query: String!) {
    blogs(first: 1, query: $query) {
      nodes {
        id
        handle
      }
    }
  }
`;

export const CREATE_BLOG = `#graphql
  mutation MigrateBlogCreate($blog: BlogCreateInput!) {
    blogCreate(blog: $blog) {
      blog {
        id
        handle
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const FIND_ARTICLES = `#graphql
  query FindMigratedArticles($query: String!) {
    articles(first: 5, query: $query) {
      nodes {
        id
        handle
        reference: metafield(namespace: "shipyard", key: "source_reference") {
          value
        }
      }
    }
  }
`;

export const CREATE_ARTICLE = `#graphql
  mutation MigrateArticleCreate($article: ArticleCreateInput!) {
    articleCreate(article: $article) {
      article {
        id
        handle
        blog {
          handle
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

export const UPDATE_ARTICLE = `#graphql
  mutation MigrateArticleUpdate($id: ID!, $article: ArticleUpdateInput!) {
    articleUpdate(id: $id, article: $article) {
      article {
        id
        handle
        blog {
          handle
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
