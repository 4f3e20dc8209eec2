// Load pages and blog posts: each page with pageCreate/pageUpdate, each post as an article of the
// shop's blog (found or made once, kept in the id map). What an interrupted run already made is
// found by its source reference before anything is created, so nothing is doubled. A handle the
// shop already uses, or a featured image Shopify cannot download, does not stop the record: it
// moves without it, and the report says so.
import { db } from '../../../db/db.server.ts';
import type { AdminClient } from '../../../shopify-admin/client.server.ts';
import { sourceReference } from '../../../shopify-admin/source-reference.server.ts';
import { connectionCost } from '../../../shopify-admin/costs.server.ts';
import { BODY_PROBLEM_CODES, type PreparedBody, prepareBodies } from './bodies.server.ts';
import { BLOG, toArticleInput } from './post-input.server.ts';
import { notMovedReason, policyFor } from '../policies/store-pages.server.ts';
import { writePolicy } from '../policies/write.server.ts';
import { contentSearch, toPageInput } from './input.server.ts';
import { idMapFor, recordWritten } from '../../staging/id-map.server.ts';
import {
  type BatchResult,
  batchResult,
  eachRecord,
  nextBatch,
  recordFailed,
  recordSkipped,
  settledWithoutWriting,
} from '../../staging/outcomes.server.ts';
import { type FoundProblem, keepProblems } from '../../staging/problems.server.ts';
import { type UserError, describeUserErrors } from '../../../shopify-admin/user-errors.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';
import {
  CREATE_PAGE,
  FIND_PAGES,
  UPDATE_PAGE,
  CREATE_ARTICLE,
  CREATE_BLOG,
  FIND_ARTICLES,
  FIND_BLOG,
  UPDATE_ARTICLE,
} from '../../../shopify-admin/graphql/content.ts';
import { migrationOptions } from '../../options.server.ts';
import { stagedRecord } from '../../staging/records.server.ts';

/** articleCreate/articleUpdate (10) and the article's blog read back (1). */
const ARTICLE_COST = 11;

/** Where the shop's blog is kept in the id map: one per shop and platform, not a source record. */
const BLOG_LINK = { entity: 'blogs', sourceId: 'posts' } as const;

interface Written {
  node: { id: string; handle: string; blog?: { handle: string } } | null;
  userErrors: UserError[];
}

interface Attempt {
  id: string | null;
  withHandle: boolean;
  withImage: boolean;
}

type Outcome = { node: NonNullable<Written['node']>; problems: FoundProblem[] } | { error: string };

/** What a record moved without; an earlier run's findings about it are replaced by this run's. */
const PROBLEM_CODES = ['handle-taken', 'image-not-moved', ...BODY_PROBLEM_CODES];

const isTaken = (errors: UserError[]) =>
  errors.some((error) => error.code === 'TAKEN' && (error.field ?? []).includes('handle'));
const isGone = (errors: UserError[]) =>
  errors.some((error) => error.code === 'NOT_FOUND' && (error.field ?? []).includes('id'));
const imageFailed = (errors: UserError[]) =>
  errors.some((error) => error.code === 'UPLOAD_FAILED' || (error.field ?? []).includes('image'));

/**
 * Sends the record, and again without what Shopify refused: the handle when another object has it,
 * the image when it cannot be downloaded, an update's id when the merchant deleted the object.
 */
async function writeWithFallbacks(
  first: Attempt,
  send: (attempt: Attempt) => Promise<Written>,
  describe: { handle: string; imageUrl: string | null; what: string },
): Promise<Outcome> {
  let attempt = first;
  for (let tries = 0; tries < 4; tries++) {
    const written = await send(attempt);
    if (written.node && written.userErrors.length === 0) {
      const problems: FoundProblem[] = [];
      if (!attempt.withHandle) {
        problems.push({
          code: 'handle-taken',
          subject: describe.handle,
          message: `The ${describe.what}’s address “${describe.handle}” already belonged to another ${describe.what} in the shop, so Shopify gave it “${written.node.handle}”.`,
          action: 'Moved with the new address; its old URL redirects there.',
        });
      }
      if (!attempt.withImage && describe.imageUrl) {
        problems.push({
          code: 'image-not-moved',
          subject: describe.imageUrl,
          message: `Shopify could not download the featured image ${describe.imageUrl}.`,
          action: `The ${describe.what} moved without it; add the picture in Shopify by hand.`,
        });
      }
      return { node: written.node, problems };
    }
    const errors = written.userErrors;
    if (attempt.id && isGone(errors)) attempt = { ...attempt, id: null };
    else if (attempt.withHandle && isTaken(errors)) attempt = { ...attempt, withHandle: false };
    else if (attempt.withImage && describe.imageUrl && imageFailed(errors)) attempt = { ...attempt, withImage: false };
    else return { error: describeUserErrors(errors) || `Shopify returned no ${describe.what}` };
  }
  return { error: `Shopify kept refusing the ${describe.what}` };
}

function bodyOf(bodies: Map<string, PreparedBody>, sourceId: string, bodyHtml: string): PreparedBody {
  return bodies.get(sourceId) ?? { html: bodyHtml, problems: [] };
}

/** FIND_PAGES and FIND_ARTICLES as Shopify prices them: a page of 5, each node and its reference metafield (1 each). */
const FIND_WRITTEN_COST = connectionCost(5, 2);

/** What an interrupted run may already have made of this record: found by handle or title, and claimed by its source reference. */
async function findWritten(
  client: AdminClient,
  document: string,
  connection: 'pages' | 'articles',
  record: { sourceId: string; handle: string; title: string },
  platform: string,
): Promise<string | null> {
  const { data } = await client.request<
    Record<string, { nodes: { id: string; reference: { value: string } | null }[] }>
  >(document, { query: contentSearch(record) }, { estimatedCost: FIND_WRITTEN_COST });
  const reference = sourceReference(platform, record.sourceId);
  return data[connection]?.nodes.find((node) => node.reference?.value === reference)?.id ?? null;
}

/** How soon a batch whose body images Shopify is still fetching is tried again. */
const IMAGES_RETRY_MS = 1000;

/**
 * The same batch again shortly, nothing written yet: Shopify is still fetching some of its body
 * images. As a job due then, so the other entities write meanwhile (decision 0037); 0 starts before
 * the first record, as a null start would say the entity is done.
 */
function imagesStillFetching(afterId: bigint | null): BatchResult {
  return {
    next: afterId ?? 0n,
    notBefore: new Date(Date.now() + IMAGES_RETRY_MS),
    written: 0,
    unchanged: 0,
    failed: 0,
  };
}

export async function loadPageBatch(migrationId: string, afterId: bigint | null, writer: Writer): Promise<BatchResult> {
  const { shop, options: stored } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const options = migrationOptions(stored);
  const skipExisting = options.existingRecords === 'skip';
  const asPolicies = options.policies === 'policies';
  const rows = await nextBatch(migrationId, 'pages', afterId);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'pages',
    rows.map((row) => row.sourceId),
  );
  const result = batchResult(rows);
  // Each row's page, read from staging once for the bodies and the writing.
  const staged = rows.map((row) => ({ ...row, page: stagedRecord('pages', row) }));
  const moving = staged.filter(({ page }) => !notMovedReason(page, writer.platform));
  const bodies = await prepareBodies(
    migrationId,
    writer,
    moving.map(({ sourceId, page }) => ({ sourceId, bodyHtml: page.bodyHtml })),
    'page',
  );
  if (bodies === 'images-processing') return imagesStillFetching(afterId);

  await eachRecord(staged, writer.concurrency, result, async (row) => {
    const { page } = row;
    const notMoved = notMovedReason(page, writer.platform);
    if (notMoved) {
      await recordSkipped(row, notMoved);
      return;
    }
    const known = mapped.get(row.sourceId);
    if (await settledWithoutWriting(row, known, { skipExisting }, result)) return;
    const body = bodyOf(bodies, row.sourceId, page.bodyHtml);
    const policy = asPolicies ? policyFor(page) : null;
    if (policy) {
      const written = await writePolicy(migrationId, shop, writer, page, body.html, policy);
      if ('error' in written) {
        await recordFailed(row, written.error);
        result.failed++;
        return;
      }
      await keepProblems(migrationId, 'pages', row.sourceId, PROBLEM_CODES, body.problems);
      await recordWritten(
        shop,
        writer.platform,
        'pages',
        row,
        written.id,
        null,
        `Written as the shop’s ${policy.name} (${new URL(written.url).pathname}), as chosen in the options.`,
        { adopted: true },
      );
      result.written++;
      return;
    }
    const id = known?.shopifyGid ?? (await findWritten(writer.client, FIND_PAGES, 'pages', page, writer.platform));
    const outcome = await writeWithFallbacks(
      { id, withHandle: true, withImage: false },
      async (attempt) => {
        const input = toPageInput({ ...page, bodyHtml: body.html }, writer.platform, attempt.withHandle);
        if (attempt.id) {
          const { data } = await writer.client.request<{
            pageUpdate: { page: Written['node']; userErrors: UserError[] };
          }>(UPDATE_PAGE, { id: attempt.id, page: input }, { estimatedCost: 10 });
          return { node: data.pageUpdate.page, userErrors: data.pageUpdate.userErrors };
        }
        const { data } = await writer.client.request<{
          pageCreate: { page: Written['node']; userErrors: UserError[] };
        }>(CREATE_PAGE, { page: input }, { estimatedCost: 10 });
        return { node: data.pageCreate.page, userErrors: data.pageCreate.userErrors };
      },
      { handle: page.handle, imageUrl: null, what: 'page' },
    );
    if ('error' in outcome) {
      await recordFailed(row, outcome.error);
      result.failed++;
      return;
    }
    const problems = [...outcome.problems, ...body.problems];
    await keepProblems(migrationId, 'pages', row.sourceId, PROBLEM_CODES, problems);
    await recordWritten(
      shop,
      writer.platform,
      'pages',
      row,
      outcome.node.id,
      outcome.node.handle,
      problems.map((problem) => problem.message).join(' ') || null,
    );
    result.written++;
  });
  return result;
}

/**
 * The shop's blog for migrated posts: the one the id map knows, else the store's "News" (the
 * merchant's: an undo leaves it), else one this migration makes.
 */
async function blogFor(shop: string, migrationId: string, writer: Writer): Promise<{ id: string; handle: string }> {
  const link = (await idMapFor(shop, writer.platform, BLOG_LINK.entity, [BLOG_LINK.sourceId])).get(BLOG_LINK.sourceId);
  if (link?.handle) return { id: link.shopifyGid, handle: link.handle };
  const { data: found } = await writer.client.request<{ blogs: { nodes: { id: string; handle: string }[] } }>(
    FIND_BLOG,
    { query: `handle:${BLOG.handle}` },
    { estimatedCost: connectionCost(1, 1) }, // a page of 1 blog
  );
  let blog = found.blogs.nodes[0] ?? null;
  const adopted = blog !== null;
  if (!blog) {
    const { data } = await writer.client.request<{
      blogCreate: { blog: { id: string; handle: string } | null; userErrors: UserError[] };
    }>(CREATE_BLOG, { blog: { title: BLOG.title, handle: BLOG.handle } }, { estimatedCost: 10 });
    blog = data.blogCreate.blog;
    if (!blog)
      throw new Error(
        `Shopify would not create the blog “${BLOG.title}” for the posts: ${describeUserErrors(data.blogCreate.userErrors)}`,
      );
  }
  const entry = { shopifyGid: blog.id, handle: blog.handle, contentHash: '' };
  await db().idMapEntry.upsert({
    where: { shop_platform_entity_sourceId: { shop, platform: writer.platform, ...BLOG_LINK } },
    create: { shop, platform: writer.platform, ...BLOG_LINK, ...entry, createdBy: adopted ? null : migrationId },
    update: entry,
  });
  return blog;
}

export async function loadBlogPostBatch(
  migrationId: string,
  afterId: bigint | null,
  writer: Writer,
): Promise<BatchResult> {
  const { shop, options } = await db().migration.findUniqueOrThrow({ where: { id: migrationId } });
  const skipExisting = migrationOptions(options).existingRecords === 'skip';
  const rows = await nextBatch(migrationId, 'blogPosts', afterId);
  const result = batchResult(rows);
  if (rows.length === 0) return result;
  const blog = await blogFor(shop, migrationId, writer);
  const mapped = await idMapFor(
    shop,
    writer.platform,
    'blogPosts',
    rows.map((row) => row.sourceId),
  );
  // Each row's post, read from staging once for the bodies and the writing.
  const staged = rows.map((row) => ({ ...row, post: stagedRecord('blogPosts', row) }));
  const bodies = await prepareBodies(
    migrationId,
    writer,
    staged.map(({ sourceId, post }) => ({ sourceId, bodyHtml: post.bodyHtml })),
    'post',
  );
  if (bodies === 'images-processing') return imagesStillFetching(afterId);

  await eachRecord(staged, writer.concurrency, result, async (row) => {
    const { post } = row;
    const known = mapped.get(row.sourceId);
    if (await settledWithoutWriting(row, known, { skipExisting }, result)) return;
    const id =
      known?.shopifyGid ?? (await findWritten(writer.client, FIND_ARTICLES, 'articles', post, writer.platform));
    const body = bodyOf(bodies, row.sourceId, post.bodyHtml);
    const outcome = await writeWithFallbacks(
      { id, withHandle: true, withImage: true },
      async (attempt) => {
        const article = toArticleInput({ ...post, bodyHtml: body.html }, writer.platform, {
          blogId: blog.id,
          withHandle: attempt.withHandle,
          withImage: attempt.withImage,
        });
        if (attempt.id) {
          const { data } = await writer.client.request<{
            articleUpdate: { article: Written['node']; userErrors: UserError[] };
          }>(UPDATE_ARTICLE, { id: attempt.id, article }, { estimatedCost: ARTICLE_COST });
          return { node: data.articleUpdate.article, userErrors: data.articleUpdate.userErrors };
        }
        const { data } = await writer.client.request<{
          articleCreate: { article: Written['node']; userErrors: UserError[] };
        }>(CREATE_ARTICLE, { article }, { estimatedCost: ARTICLE_COST });
        return { node: data.articleCreate.article, userErrors: data.articleCreate.userErrors };
      },
      { handle: post.handle, imageUrl: post.image?.url ?? null, what: 'article' },
    );
    if ('error' in outcome) {
      await recordFailed(row, outcome.error);
      result.failed++;
      return;
    }
    // The handle kept for redirects is the article's path below /blogs/: "news/autumn-first-look".
    const handle = `${outcome.node.blog?.handle ?? blog.handle}/${outcome.node.handle}`;
    const problems = [...outcome.problems, ...body.problems];
    await keepProblems(migrationId, 'blogPosts', row.sourceId, PROBLEM_CODES, problems);
    await recordWritten(
      shop,
      writer.platform,
      'blogPosts',
      row,
      outcome.node.id,
      handle,
      problems.map((problem) => problem.message).join(' ') || null,
    );
    result.written++;
  });
  return result;
}
