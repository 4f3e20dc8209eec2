// Online store pages: `pageCreate`, `pageUpdate`, `pageDelete`, `page`, `pages`.
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { handleTaken, handleize, uniqueHandle } from '../catalog/handles.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { listRows, textFilter } from '../catalog/listing.ts';
import { metafieldFields, metafieldInputErrors, writeMetafields, type MetafieldInput } from '../catalog/metafields.ts';
import { inTransaction } from '../catalog/product-writer.ts';

interface PageRow {
  id: string;
  shop: string;
  handle: string;
  title: string;
  body: string;
  template_suffix: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface PageInput {
  title?: string | null;
  body?: string | null;
  handle?: string | null;
  isPublished?: boolean | null;
  publishDate?: string | null;
  templateSuffix?: string | null;
  metafields?: MetafieldInput[] | null;
}

type Problem = { field: string[]; message: string; code: string };

export function publishedAt(
  input: { isPublished?: boolean | null; publishDate?: string | null },
  current: Date | null,
  errors: Problem[],
  field: string[],
): Date | null {
  if (input.isPublished === true && input.publishDate && Date.parse(input.publishDate) > Date.now()) {
    errors.push({
      field: [...field, 'publishDate'],
      message: "Can't set isPublished to true and also set a future publish date.",
      code: 'INVALID_PUBLISH_DATE',
    });
  }
  if (input.publishDate) return new Date(input.publishDate);
  if (input.isPublished === true) return current ?? new Date();
  if (input.isPublished === false) return null;
  return current;
}

function pageObject(row: PageRow) {
  const text = row.body.replace(/<[^>]*>/g, '');
  return {
    __typename: 'Page',
    id: gid('Page', row.id),
    title: row.title,
    handle: row.handle,
    body: row.body,
    bodySummary: text.slice(0, 150),
    templateSuffix: row.template_suffix,
    isPublished: row.published_at !== null && row.published_at.getTime() <= Date.now(),
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...metafieldFields(String(row.id)),
  };
}

function payload(typename: string, errorTypename: string, page: unknown, errors: Problem[]) {
  return { __typename: typename, page, userErrors: errors.map((error) => ({ __typename: errorTypename, ...error })) };
}

async function savePage(context: RequestContext, input: PageInput, existing: PageRow | undefined) {
  const errors: Problem[] = [];
  const shop = context.shop.domain;
  if ((!existing || input.title !== undefined) && !input.title?.trim())
    errors.push({ field: ['page', 'title'], message: "Title can't be blank", code: 'BLANK' });
  if (input.handle && (await handleTaken(context.pool, 'pages', shop, input.handle, existing?.id)))
    errors.push({ field: ['page', 'handle'], message: 'Handle has already been taken', code: 'TAKEN' });
  errors.push(
    ...metafieldInputErrors(input.metafields ?? [], ['page', 'metafields'], context.shop.currencyCode).map((error) => ({
      ...error,
      code: 'INVALID_VALUE',
    })),
  );
  const published = publishedAt(input, existing?.published_at ?? null, errors, ['page']);
  if (errors.length) return { errors };
  const client = await context.pool.connect();
  try {
    const row = await inTransaction(client, async () => {
      const handle =
        input.handle ??
        existing?.handle ??
        (await uniqueHandle(client, 'pages', shop, handleize(input.title as string)));
      const { rows } = existing
        ? await client.query<PageRow>(
            `UPDATE devstore.pages SET title = coalesce($2, title), body = coalesce($3, body), handle = $4, template_suffix = coalesce($5, template_suffix),
               published_at = $6, updated_at = now() WHERE id = $1 RETURNING *`,
            [existing.id, input.title ?? null, input.body ?? null, handle, input.templateSuffix ?? null, published],
          )
        : await client.query<PageRow>(
            'INSERT INTO devstore.pages (shop, handle, title, body, template_suffix, published_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
            [
              shop,
              handle,
              input.title,
              input.body ?? '',
              input.templateSuffix ?? null,
              input.isPublished === undefined && !input.publishDate ? new Date() : published,
            ],
          );
      const saved = rows[0] as PageRow;
      if (input.metafields?.length)
        await writeMetafields(client, shop, String(saved.id), 'PAGE', input.metafields, false);
      return saved;
    });
    return { row, errors };
  } finally {
    client.release();
  }
}

async function findPage(context: RequestContext, id: unknown): Promise<PageRow | undefined> {
  const numeric = parseGid(id, 'Page');
  const { rows } = numeric
    ? await context.pool.query<PageRow>('SELECT * FROM devstore.pages WHERE shop = $1 AND id = $2', [
        context.shop.domain,
        numeric,
      ])
    : { rows: [] };
  return rows[0];
}

export const pagesModule: ResolverModule = {
  nodes: {
    Page: async (context, id) => {
      const row = await findPage(context, gid('Page', id));
      return row ? pageObject(row) : null;
    },
  },
  queries: {
    page: async (args: Args, context: RequestContext) => {
      const row = await findPage(context, args.id);
      return row ? pageObject(row) : null;
    },
    pages: (args: Args, context: RequestContext) =>
      listRows<PageRow>(
        context,
        args,
        {
          name: 'pages',
          table: 'devstore.pages',
          filters: { handle: textFilter('handle'), title: textFilter('title') },
        },
        pageObject,
      ),
  },
  mutations: {
    pageCreate: async (args: Args, context: RequestContext) => {
      const { row, errors } = await savePage(context, args.page as PageInput, undefined);
      return payload('PageCreatePayload', 'PageCreateUserError', row ? pageObject(row) : null, errors);
    },
    pageUpdate: async (args: Args, context: RequestContext) => {
      const existing = await findPage(context, args.id);
      if (!existing)
        return payload('PageUpdatePayload', 'PageUpdateUserError', null, [
          { field: ['id'], message: 'Page does not exist', code: 'NOT_FOUND' },
        ]);
      const { row, errors } = await savePage(context, args.page as PageInput, existing);
      return payload('PageUpdatePayload', 'PageUpdateUserError', row ? pageObject(row) : null, errors);
    },
    pageDelete: async (args: Args, context: RequestContext) => {
      const existing = await findPage(context, args.id);
      if (!existing)
        return {
          __typename: 'PageDeletePayload',
          deletedPageId: null,
          userErrors: [
            { __typename: 'PageDeleteUserError', field: ['id'], message: 'Page does not exist', code: 'NOT_FOUND' },
          ],
        };
      await context.pool.query('DELETE FROM devstore.pages WHERE id = $1', [existing.id]);
      return { __typename: 'PageDeletePayload', deletedPageId: gid('Page', existing.id), userErrors: [] };
    },
  },
};
