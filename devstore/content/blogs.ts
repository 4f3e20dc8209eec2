// Blogs and their articles: `blogCreate`, `blogUpdate`, `blogDelete` (its articles go with it), `blog`, `blogs`, `articleCreate` (into a
// blog by id, or a new blog by title), `articleUpdate`, `articleDelete`, `article`, `articles`.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { handleTaken, handleize, uniqueHandle } from '../catalog/handles.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { idFilter, listRows, tagFilter, textFilter, type ListSpec } from '../catalog/listing.ts';
import { metafieldFields, writeMetafields, type MetafieldInput } from '../catalog/metafields.ts';
import { normalizeTags } from '../catalog/product-input.ts';
import { inTransaction } from '../catalog/product-writer.ts';
import { fetchSource } from '../files/fetcher.ts';
import { publishedAt } from './pages.ts';

interface BlogRow {
  id: string;
  shop: string;
  handle: string;
  title: string;
  comment_policy: string;
  template_suffix: string | null;
  created_at: Date;
  updated_at: Date;
}

interface ArticleRow {
  id: string;
  shop: string;
  blog_id: string;
  handle: string;
  title: string;
  author_name: string;
  body: string;
  summary: string | null;
  tags: string[];
  image_url: string | null;
  image_alt: string | null;
  template_suffix: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface ArticleInput {
  title?: string | null;
  author?: { name?: string | null; userId?: string | null } | null;
  blogId?: string | null;
  body?: string | null;
  summary?: string | null;
  handle?: string | null;
  tags?: string[] | null;
  image?: { url?: string | null; altText?: string | null } | null;
  isPublished?: boolean | null;
  publishDate?: string | null;
  templateSuffix?: string | null;
  metafields?: MetafieldInput[] | null;
}

type Problem = { field: string[]; message: string; code: string };

async function findBlog(context: RequestContext, id: unknown): Promise<BlogRow | undefined> {
  const numeric = parseGid(id, 'Blog');
  const { rows } = numeric
    ? await context.pool.query<BlogRow>('SELECT * FROM devstore.blogs WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        numeric,
      ])
    : { rows: [] };
  return rows[0];
}

async function findArticle(context: RequestContext, id: unknown): Promise<ArticleRow | undefined> {
  const numeric = parseGid(id, 'Article');
  const { rows } = numeric
    ? await context.pool.query<ArticleRow>('SELECT * FROM devstore.articles WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        numeric,
      ])
    : { rows: [] };
  return rows[0];
}

function blogObject(row: BlogRow) {
  return {
    __typename: 'Blog',
    id: gid('Blog', row.id),
    title: row.title,
    handle: row.handle,
    commentPolicy: row.comment_policy,
    templateSuffix: row.template_suffix,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    articles: (args: Args, context: RequestContext) =>
      listRows<ArticleRow>(context, args, { ...ARTICLES, scope: { column: 'blog_id', value: row.id } }, articleObject),
    articlesCount: async (_args: Args, context: RequestContext) => {
      const { rows } = await context.pool.query<{ count: string }>(
        'SELECT count(*) FROM devstore.articles WHERE blog_id = $1',
        [row.id],
      );
      return { __typename: 'Count', count: Number(rows[0]?.count ?? 0), precision: 'EXACT' };
    },
    ...metafieldFields(String(row.id)),
  };
}

function articleObject(row: ArticleRow) {
  return {
    __typename: 'Article',
    id: gid('Article', row.id),
    title: row.title,
    handle: row.handle,
    body: row.body,
    summary: row.summary,
    tags: row.tags,
    templateSuffix: row.template_suffix,
    author: { __typename: 'ArticleAuthor', name: row.author_name },
    image: row.image_url
      ? { __typename: 'Image', url: row.image_url, altText: row.image_alt, width: null, height: null }
      : null,
    isPublished: row.published_at !== null && row.published_at.getTime() <= Date.now(),
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    blog: async (_args: Args, context: RequestContext) => {
      const { rows } = await context.pool.query<BlogRow>('SELECT * FROM devstore.blogs WHERE id = $1', [row.blog_id]);
      return rows[0] ? blogObject(rows[0]) : null;
    },
    ...metafieldFields(String(row.id)),
  };
}

const ARTICLES: ListSpec = {
  name: 'articles',
  table: 'devstore.articles',
  filters: {
    handle: textFilter('handle'),
    title: textFilter('title'),
    tag: tagFilter,
    blog_id: idFilter('blog_id'),
    author: textFilter('author_name'),
  },
};

async function blogCreate(args: Args, context: RequestContext) {
  const input = args.blog as {
    title: string;
    handle?: string | null;
    commentPolicy?: string | null;
    templateSuffix?: string | null;
    metafields?: MetafieldInput[] | null;
  };
  const result = (blog: unknown, errors: Problem[]) => ({
    __typename: 'BlogCreatePayload',
    blog,
    userErrors: errors.map((error) => ({ __typename: 'BlogCreateUserError', ...error })),
  });
  if (!input.title.trim())
    return result(null, [{ field: ['blog', 'title'], message: "Title can't be blank", code: 'INVALID' }]);
  const row = await insertBlog(
    context,
    input.title,
    input.handle ?? undefined,
    input.commentPolicy ?? undefined,
    input.templateSuffix ?? undefined,
    input.metafields ?? [],
  );
  return result(blogObject(row), []);
}

async function insertBlog(
  context: RequestContext,
  title: string,
  handle?: string,
  commentPolicy?: string,
  templateSuffix?: string,
  metafields: MetafieldInput[] = [],
): Promise<BlogRow> {
  const client = await context.pool.connect();
  try {
    return await inTransaction(client, async () => {
      // An explicit handle already in use is made unique, as the admin does for blogs.
      const chosen = await uniqueHandle(client, 'blogs', context.shop.domain, handle ?? handleize(title));
      const { rows } = await client.query<BlogRow>(
        'INSERT INTO devstore.blogs (shop, handle, title, comment_policy, template_suffix) VALUES ($1, $2, $3, $4, $5) RETURNING *',
        [context.shop.domain, chosen, title, commentPolicy ?? 'MODERATED', templateSuffix ?? null],
      );
      const row = rows[0] as BlogRow;
      if (metafields.length)
        await writeMetafields(client, context.shop.domain, String(row.id), 'BLOG', metafields, false);
      return row;
    });
  } finally {
    client.release();
  }
}

async function blogUpdate(args: Args, context: RequestContext) {
  const input = args.blog as { title?: string | null; handle?: string | null; commentPolicy?: string | null };
  const result = (blog: unknown, errors: Problem[]) => ({
    __typename: 'BlogUpdatePayload',
    blog,
    userErrors: errors.map((error) => ({ __typename: 'BlogUpdateUserError', ...error })),
  });
  const existing = await findBlog(context, args.id);
  if (!existing) return result(null, [{ field: ['id'], message: 'Blog does not exist', code: 'NOT_FOUND' }]);
  if (input.title !== undefined && input.title !== null && !input.title.trim())
    return result(null, [{ field: ['blog', 'title'], message: "Title can't be blank", code: 'BLANK' }]);
  const { rows } = await context.pool.query<BlogRow>(
    'UPDATE devstore.blogs SET title = coalesce($2, title), handle = coalesce($3, handle), comment_policy = coalesce($4, comment_policy), updated_at = now() WHERE id = $1 RETURNING *',
    [existing.id, input.title ?? null, input.handle ?? null, input.commentPolicy ?? null],
  );
  return result(blogObject(rows[0] as BlogRow), []);
}

async function saveArticle(
  context: RequestContext,
  input: ArticleInput,
  blogInput: { title: string } | null | undefined,
  existing: ArticleRow | undefined,
) {
  const errors: Problem[] = [];
  if (input.author?.userId) throw new NotImplementedError('article author by userId (staff accounts)');
  if (input.blogId && blogInput)
    errors.push({
      field: ['article', 'blogId'],
      message: 'Only one of blogId or blog can be given',
      code: 'AMBIGUOUS_BLOG',
    });
  if (!existing && !input.blogId && !blogInput)
    errors.push({
      field: ['article', 'blogId'],
      message: 'A blog must be given by blogId or blog',
      code: 'BLOG_REFERENCE_REQUIRED',
    });
  if (!existing && !input.author?.name?.trim())
    errors.push({
      field: ['article', 'author'],
      message: 'The author name is required',
      code: 'AUTHOR_FIELD_REQUIRED',
    });
  if ((!existing || input.title !== undefined) && !input.title?.trim())
    errors.push({ field: ['article', 'title'], message: "Title can't be blank", code: 'BLANK' });
  let blog = input.blogId ? await findBlog(context, input.blogId) : undefined;
  if (input.blogId && !blog)
    errors.push({ field: ['article', 'blogId'], message: 'Blog does not exist', code: 'NOT_FOUND' });
  const published = publishedAt(input, existing?.published_at ?? null, errors, ['article']);
  if (errors.length) return { errors };
  // Shopify downloads an article's image while it answers; one it cannot have fails the whole call.
  if (input.image?.url && (!URL.canParse(input.image.url) || 'code' in (await fetchSource(input.image.url, true)))) {
    return { errors: [{ field: ['article', 'image'], message: 'Image upload failed.', code: 'UPLOAD_FAILED' }] };
  }
  if (!blog && blogInput) blog = await insertBlog(context, blogInput.title);
  const blogId = blog?.id ?? existing?.blog_id;
  if (
    input.handle &&
    blogId &&
    (await handleTaken(context.pool, 'articles', String(blogId), input.handle, existing?.id))
  ) {
    return { errors: [{ field: ['article', 'handle'], message: 'Handle has already been taken', code: 'TAKEN' }] };
  }
  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const handle =
        input.handle ??
        existing?.handle ??
        (await uniqueHandle(client, 'articles', String(blogId), handleize(input.title as string)));
      const values = [
        input.title ?? null,
        input.author?.name ?? null,
        input.body ?? null,
        input.summary ?? null,
        normalizeTags(input.tags) ?? null,
        input.image?.url ?? null,
        input.image?.altText ?? null,
        input.templateSuffix ?? null,
      ];
      const { rows } = existing
        ? await client.query<ArticleRow>(
            `UPDATE devstore.articles SET blog_id = $2, handle = $3, published_at = $4, title = coalesce($5, title), author_name = coalesce($6, author_name),
               body = coalesce($7, body), summary = coalesce($8, summary), tags = coalesce($9::text[], tags), image_url = coalesce($10, image_url),
               image_alt = coalesce($11, image_alt), template_suffix = coalesce($12, template_suffix), updated_at = now()
             WHERE id = $1 RETURNING *`,
            [existing.id, blogId, handle, published, ...values],
          )
        : await client.query<ArticleRow>(
            `INSERT INTO devstore.articles (shop, blog_id, handle, published_at, title, author_name, body, summary, tags, image_url, image_alt, template_suffix)
             VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, ''), $8, coalesce($9::text[], '{}'), $10, $11, $12) RETURNING *`,
            [
              context.shop.domain,
              blogId,
              handle,
              input.isPublished === undefined && !input.publishDate ? new Date() : published,
              ...values,
            ],
          );
      const saved = rows[0] as ArticleRow;
      if (input.metafields?.length)
        await writeMetafields(client, context.shop.domain, String(saved.id), 'ARTICLE', input.metafields, false);
      return saved;
    });
    return { row, errors };
  } finally {
    client.release();
  }
}

function articlePayload(typename: string, errorTypename: string, row: ArticleRow | undefined, errors: Problem[]) {
  return {
    __typename: typename,
    article: row ? articleObject(row) : null,
    userErrors: errors.map((error) => ({ __typename: errorTypename, ...error })),
  };
}

export const blogsModule: ResolverModule = {
  nodes: {
    Blog: async (context, id) => {
      const row = await findBlog(context, gid('Blog', id));
      return row ? blogObject(row) : null;
    },
    Article: async (context, id) => {
      const row = await findArticle(context, gid('Article', id));
      return row ? articleObject(row) : null;
    },
  },
  queries: {
    blog: async (args, context) => {
      const row = await findBlog(context, args.id);
      return row ? blogObject(row) : null;
    },
    blogs: (args, context) =>
      listRows<BlogRow>(
        context,
        args,
        {
          name: 'blogs',
          table: 'devstore.blogs',
          filters: { handle: textFilter('handle'), title: textFilter('title') },
        },
        blogObject,
      ),
    article: async (args, context) => {
      const row = await findArticle(context, args.id);
      return row ? articleObject(row) : null;
    },
    articles: (args, context) => listRows<ArticleRow>(context, args, ARTICLES, articleObject),
  },
  mutations: {
    blogCreate,
    blogUpdate,
    blogDelete: async (args, context) => {
      const existing = await findBlog(context, args.id);
      if (!existing)
        return {
          __typename: 'BlogDeletePayload',
          deletedBlogId: null,
          userErrors: [
            { __typename: 'BlogDeleteUserError', field: ['id'], message: 'Blog does not exist', code: 'NOT_FOUND' },
          ],
        };
      // The articles table cascades from blogs, as Shopify deletes a blog's articles with it.
      await context.pool.query('DELETE FROM devstore.blogs WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        existing.id,
      ]);
      return { __typename: 'BlogDeletePayload', deletedBlogId: gid('Blog', existing.id), userErrors: [] };
    },
    articleCreate: async (args, context) => {
      const { row, errors } = await saveArticle(
        context,
        args.article as ArticleInput,
        args.blog as { title: string } | null | undefined,
        undefined,
      );
      return articlePayload('ArticleCreatePayload', 'ArticleCreateUserError', row, errors);
    },
    articleUpdate: async (args, context) => {
      const existing = await findArticle(context, args.id);
      if (!existing)
        return articlePayload('ArticleUpdatePayload', 'ArticleUpdateUserError', undefined, [
          { field: ['id'], message: 'Article does not exist', code: 'NOT_FOUND' },
        ]);
      const { row, errors } = await saveArticle(
        context,
        args.article as ArticleInput,
        args.blog as { title: string } | null | undefined,
        existing,
      );
      return articlePayload('ArticleUpdatePayload', 'ArticleUpdateUserError', row, errors);
    },
    articleDelete: async (args, context) => {
      const existing = await findArticle(context, args.id);
      if (!existing)
        return {
          __typename: 'ArticleDeletePayload',
          deletedArticleId: null,
          userErrors: [
            {
              __typename: 'ArticleDeleteUserError',
              field: ['id'],
              message: 'Article does not exist',
              code: 'NOT_FOUND',
            },
          ],
        };
      await context.pool.query('DELETE FROM devstore.articles WHERE id = $1', [existing.id]);
      return { __typename: 'ArticleDeletePayload', deletedArticleId: gid('Article', existing.id), userErrors: [] };
    },
  },
};
