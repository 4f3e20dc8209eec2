// blogDelete as Shopify documents it: the blog and its articles go; an unknown blog is NOT_FOUND.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const DELETE = 'mutation($id: ID!) { blogDelete(id: $id) { deletedBlogId userErrors { field message code } } }';

describe('blogDelete', () => {
  it('deletes a blog with its articles', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { articleCreate(blog: { title: "Journal" }, article: { title: "Brewing", author: { name: "Mei" } }) { article { id blog { id } } userErrors { message } } }',
    );
    const { id: articleId, blog } = created.body.data.articleCreate.article;
    const answer = await admin(devstore, shop, DELETE, { id: blog.id });
    expect(answer.body.data.blogDelete).toEqual({ deletedBlogId: blog.id, userErrors: [] });
    const after = await admin(
      devstore,
      shop,
      'query($id: ID!) { article(id: $id) { id } blogs(first: 5) { nodes { id } } }',
      { id: articleId },
    );
    expect(after.body.data).toEqual({ article: null, blogs: { nodes: [] } });
  });

  it('answers NOT_FOUND for a blog it does not have, and for another shop’s', async () => {
    const created = await admin(
      devstore,
      shop,
      'mutation { blogCreate(blog: { title: "News" }) { blog { id } userErrors { message } } }',
    );
    const other = await createShop(devstore);
    const answer = await admin(devstore, other, DELETE, { id: created.body.data.blogCreate.blog.id });
    expect(answer.body.data.blogDelete).toEqual({
      deletedBlogId: null,
      userErrors: [{ field: ['id'], message: 'Blog does not exist', code: 'NOT_FOUND' }],
    });
    const mine = await admin(devstore, shop, '{ blogs(first: 5) { nodes { id } } }');
    expect(mine.body.data.blogs.nodes).toEqual([{ id: created.body.data.blogCreate.blog.id }]);
  });
});
