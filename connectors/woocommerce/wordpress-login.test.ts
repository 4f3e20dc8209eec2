// Pages and posts read with a WordPress application password: every status (drafts, private,
// scheduled) and the edit context, mapped to what Shopify publishes; without one only published
// items; a wrong user or password, a role that cannot see others' drafts, and a site that ignores
// application passwords over http each refused with words beside the field they are about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_FOR, pageId, postId, seededPage, seededPost } from './fake/content.ts';
import { startWooCommerceServer, type WooCommerceTestServer } from './fake/server.ts';
import { WP_USERS } from './fake/wordpress-users.ts';
import type { Entity } from '../model.ts';
import { createConnector } from '../registry.server.ts';
import type { Extracted, SourceConnector } from '../source-connector.ts';

const [ADMIN, AUTHOR] = WP_USERS as [(typeof WP_USERS)[0], (typeof WP_USERS)[0]];
let store: WooCommerceTestServer;

beforeAll(async () => {
  store = await startWooCommerceServer({
    catalog: { products: 2, pages: 12, posts: 30 },
    wordpressEnvironment: 'local',
  });
});
afterAll(() => store.close());

function connector(login: { wordpressUser?: string; wordpressApplicationPassword?: string } = {}): SourceConnector {
  return createConnector(
    'woocommerce',
    { url: store.url, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret, ...login },
    { retryDelaysMs: [10] },
  );
}
const asAdmin = () =>
  connector({ wordpressUser: ADMIN.login, wordpressApplicationPassword: ADMIN.applicationPassword });

async function extractAll(source: SourceConnector, entity: Entity): Promise<Extracted[]> {
  const records: Extracted[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.extract(entity, cursor);
    records.push(...page.records);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return records;
}

function record(records: Extracted[], id: number) {
  const found = records.find((candidate) => candidate.sourceId === String(id));
  if (!found?.ok) throw new Error(`${id} was not extracted: ${found && !found.ok ? found.reason : 'absent'}`);
  return found.record as Record<string, unknown>;
}

describe('with an application password', () => {
  it('the connection test logs in through users/me and counts every page and post, whatever its status', async () => {
    const check = await asAdmin().testConnection();
    expect(check).toMatchObject({ ok: true, description: { counts: { pages: 12, blogPosts: 30 } } });
    const me = store.requests.filter((request) => request.path === '/wp-json/wp/v2/users/me');
    expect(me.at(-1)?.query.get('context')).toBe('edit');
  });

  it('reads drafts, private and scheduled posts with status and context=edit, and maps what Shopify publishes', async () => {
    const posts = await extractAll(asAdmin(), 'blogPosts');
    const read = store.requests
      .filter((request) => request.path === '/wp-json/wp/v2/posts' && request.query.get('per_page') === '100')
      .at(-1);
    expect([read?.query.get('status'), read?.query.get('context')]).toEqual(['publish,draft,private,future', 'edit']);
    expect(posts.map((post) => post.sourceId)).toEqual(Array.from({ length: 30 }, (_, k) => String(postId(k + 1))));
    expect(record(posts, postId(7))).toMatchObject({
      title: 'Half-written thoughts',
      published: false,
      sourcePath: null,
    });
    expect(record(posts, postId(9))).toMatchObject({ title: 'Supplier list', published: false, sourcePath: null });
    // Scheduled: published at its date still to come, which Shopify keeps as a scheduled publication.
    expect(record(posts, postId(8))).toMatchObject({
      title: 'Winter sale announcement',
      published: true,
      publishedAt: SCHEDULED_FOR.toISOString(),
      sourcePath: null,
    });
    expect(record(posts, postId(10))).toMatchObject({ published: true, sourcePath: seededPost(10).path });
  });

  it('a password-protected post is readable and moves hidden, marked protected; its title has no "Protected:"', async () => {
    const posts = await extractAll(asAdmin(), 'blogPosts');
    expect(record(posts, postId(5))).toMatchObject({
      title: 'Friends & family sale',
      bodyHtml: seededPost(5).content,
      published: false,
      access: 'password',
      sourcePath: null,
    });
    expect(record(posts, postId(10))).not.toHaveProperty('access');
  });

  it('reads draft and private pages as hidden pages', async () => {
    const pages = await extractAll(asAdmin(), 'pages');
    expect(pages).toHaveLength(12);
    expect(record(pages, pageId(5))).toMatchObject({ title: seededPage(5).title, published: false });
    expect(record(pages, pageId(6))).toMatchObject({ title: 'Staff notes', published: false });
    expect(record(pages, pageId(1))).toMatchObject({ title: 'Home', published: true });
  });

  it('the password works with or without the spaces WordPress shows, and by email address', async () => {
    expect(
      await connector({
        wordpressUser: ADMIN.email,
        wordpressApplicationPassword: ADMIN.applicationPassword.replace(/ /g, ''),
      }).testConnection(),
    ).toMatchObject({ ok: true });
  });
});

describe('without an application password', () => {
  it('reads published posts only, asking for no status or context', async () => {
    const posts = await extractAll(connector(), 'blogPosts');
    expect(posts.map((post) => post.sourceId)).not.toContain(String(postId(7)));
    expect(posts.map((post) => post.sourceId)).not.toContain(String(postId(8)));
    const read = store.requests.filter((request) => request.path === '/wp-json/wp/v2/posts').at(-1);
    expect([read?.query.has('status'), read?.query.has('context'), read?.query.get('page')]).toEqual([
      false,
      false,
      '1',
    ]);
  });
});

describe('a refused application password', () => {
  it('a wrong password: WordPress’s 401 incorrect_password, said beside the password field, without the password', async () => {
    const wrong = 'abcd EFGH 1234 ijkl MNOP 6789';
    const check = await connector({ wordpressUser: ADMIN.login, wordpressApplicationPassword: wrong }).testConnection();
    expect(check).toMatchObject({
      ok: false,
      problem: 'wrong-credentials',
      field: 'wordpressApplicationPassword',
      message: expect.stringContaining('The provided password is an invalid application password.'),
    });
    expect(check.ok === false && check.message).toContain('Users → Profile → Application Passwords');
    expect(JSON.stringify(check)).not.toContain('abcd');
    const answer = await fetch(`${store.url}/wp-json/wp/v2/users/me`, {
      headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.login}:${wrong}`).toString('base64')}` },
    });
    expect([answer.status, await answer.json()]).toEqual([
      401,
      {
        code: 'incorrect_password',
        message: 'The provided password is an invalid application password.',
        data: { status: 401 },
      },
    ]);
  });

  it('an unknown user: invalid_username, said beside the username field', async () => {
    const check = await connector({
      wordpressUser: 'nobody',
      wordpressApplicationPassword: ADMIN.applicationPassword,
    }).testConnection();
    expect(check).toMatchObject({
      ok: false,
      problem: 'wrong-credentials',
      field: 'wordpressUser',
      message: expect.stringContaining('Unknown username'),
    });
  });

  it('an Author may not read others’ drafts and private posts: refused at the connection test, naming what is missing', async () => {
    const check = await connector({
      wordpressUser: AUTHOR.login,
      wordpressApplicationPassword: AUTHOR.applicationPassword,
    }).testConnection();
    expect(check).toMatchObject({
      ok: false,
      problem: 'forbidden',
      field: 'wordpressUser',
      message: expect.stringContaining('edit_others_pages'),
    });
  });

  it('a production site over http ignores the password (WordPress takes them over https only): said, not taken for a visitor', async () => {
    const plain = await startWooCommerceServer({ catalog: { products: 1, pages: 2, posts: 2 } });
    try {
      const check = await createConnector('woocommerce', {
        url: plain.url,
        consumerKey: plain.consumerKey,
        consumerSecret: plain.consumerSecret,
        wordpressUser: ADMIN.login,
        wordpressApplicationPassword: ADMIN.applicationPassword,
      }).testConnection();
      expect(check).toMatchObject({
        ok: false,
        field: 'wordpressApplicationPassword',
        message: expect.stringContaining('only over https://'),
      });
    } finally {
      await plain.close();
    }
  });

  it('a password revoked after the connection test stops the reading with the same words', async () => {
    const source = connector({
      wordpressUser: ADMIN.login,
      wordpressApplicationPassword: 'Zz9Z Zz9Z Zz9Z Zz9Z Zz9Z Zz9Z',
    });
    await expect(source.extract('pages', null)).rejects.toMatchObject({
      problem: 'wrong-credentials',
      retryable: false,
      message: expect.stringContaining('invalid application password'),
    });
  });
});

describe('the test store answers as WordPress does', () => {
  const basic = (user: { login: string; applicationPassword: string }) => ({
    Authorization: `Basic ${Buffer.from(`${user.login}:${user.applicationPassword}`).toString('base64')}`,
  });

  it('a visitor may not ask for the edit context: 401 rest_forbidden_context', async () => {
    const answer = await fetch(`${store.url}/wp-json/wp/v2/posts?context=edit`);
    expect([answer.status, (await answer.json()).code]).toEqual([401, 'rest_forbidden_context']);
    const me = await fetch(`${store.url}/wp-json/wp/v2/users/me`);
    expect([me.status, await me.json()]).toEqual([
      401,
      { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } },
    ]);
  });

  it('the edit context gives a logged-in editor the raw fields, the post password and the protected content', async () => {
    const answer = await fetch(`${store.url}/wp-json/wp/v2/posts?context=edit&per_page=100`, { headers: basic(ADMIN) });
    const posts = (await answer.json()) as {
      id: number;
      title: { raw: string };
      content: { raw: string; rendered: string; protected: boolean };
      password: string;
    }[];
    const post = posts.find((candidate) => candidate.id === postId(5));
    expect(post).toMatchObject({
      title: { raw: 'Friends & family sale' },
      content: { raw: seededPost(5).content, protected: true },
      password: expect.any(String),
    });
    expect(post?.content.rendered).toContain('Notes from the workshop, entry 5.');
  });

  it('an Author sees only their own drafts and private posts; a visitor asking for drafts is refused', async () => {
    const answer = await fetch(`${store.url}/wp-json/wp/v2/posts?status=draft,private,future&per_page=100`, {
      headers: basic(AUTHOR),
    });
    const ids = ((await answer.json()) as { id: number; author: number }[]).map((post) => post.id);
    const own = Array.from({ length: 30 }, (_, k) => seededPost(k + 1)).filter(
      (post) => post.status !== 'publish' && post.author === AUTHOR.id,
    );
    expect(ids.sort()).toEqual(own.map((post) => post.id).sort());
    expect((await fetch(`${store.url}/wp-json/wp/v2/posts?status=draft`)).status).toBe(401);
  });
});
