// The CSV redirect import as Shopify documents it: the file is the shop's own staged upload, the
// previews are at most three, `finished`/`finishedAt` follow the work, rows get urlRedirectCreate's
// path rules and existing paths their new target, imports belong to their shop, and each call costs
// what Shopify's rules price it at. Also the urlRedirects searches a client needs around an import:
// `id:>N` ranges and paths joined by OR.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
});
afterAll(() => devstore.stop());
beforeEach(async () => {
  shop = await createShop(devstore);
});

const STAGE =
  'mutation { stagedUploadsCreate(input: [{ resource: URL_REDIRECT_IMPORT, filename: "redirects.csv", mimeType: "text/csv", httpMethod: PUT }]) { stagedTargets { url resourceUrl } } }';
const CREATE =
  'mutation($url: URL!) { urlRedirectImportCreate(url: $url) { urlRedirectImport { id count finished finishedAt previewRedirects { path target } } userErrors { field message code } } }';
const SUBMIT = 'mutation($id: ID!) { urlRedirectImportSubmit(id: $id) { job { id done } userErrors { field code } } }';
const STATUS =
  'query($id: ID!) { urlRedirectImport(id: $id) { finished finishedAt count createdCount updatedCount failedCount } }';

/** Stages `csv` as `owner`'s URL_REDIRECT_IMPORT upload; the URL urlRedirectImportCreate takes. */
async function staged(csv: string, owner = shop): Promise<string> {
  const { body } = await admin(devstore, owner, STAGE);
  const target = body.data.stagedUploadsCreate.stagedTargets[0];
  await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: csv });
  return target.resourceUrl;
}

async function imported(csv: string) {
  const created = await admin(devstore, shop, CREATE, { url: await staged(csv) });
  const started = created.body.data.urlRedirectImportCreate.urlRedirectImport;
  await admin(devstore, shop, SUBMIT, { id: started.id });
  await devstore.bulkSettled();
  return (await admin(devstore, shop, STATUS, { id: started.id })).body.data.urlRedirectImport;
}

async function redirects(query?: string): Promise<string[]> {
  const { body } = await admin(
    devstore,
    shop,
    'query($query: String) { urlRedirects(first: 50, query: $query) { nodes { path target } } }',
    { query },
  );
  return body.data.urlRedirects.nodes.map((node: { path: string; target: string }) => `${node.path} -> ${node.target}`);
}

describe('urlRedirectImportCreate', () => {
  it('counts the rows under the header, previews at most three, and is not finished before it is submitted', async () => {
    const csv = 'Redirect from,Redirect to\n/a,/pages/a\n/b,/pages/b\n/c,/pages/c\n/d,/pages/d\n';
    const { body } = await admin(devstore, shop, CREATE, { url: await staged(csv) });
    expect(body.data.urlRedirectImportCreate).toMatchObject({
      urlRedirectImport: {
        count: 4,
        finished: false,
        finishedAt: null,
        previewRedirects: [
          { path: '/a', target: '/pages/a' },
          { path: '/b', target: '/pages/b' },
          { path: '/c', target: '/pages/c' },
        ],
      },
      userErrors: [],
    });
    expect(await redirects()).toEqual([]);
  });

  it('reads the first line as the header, whatever it says', async () => {
    const status = await imported('/a,/pages/a\n/b,/pages/b\n');
    expect(status).toMatchObject({ count: 1, createdCount: 1 });
    expect(await redirects()).toEqual(['/b -> /pages/b']);
  });

  it('reads only the shop’s own staged uploads: another shop’s, or any other address, is FILE_DOES_NOT_EXIST', async () => {
    const other = await createShop(devstore);
    const theirs = await staged('Redirect from,Redirect to\n/a,/pages/a\n', other);
    const elsewhere = `${devstore.url}/admin/redirects.csv`;
    for (const url of [theirs, elsewhere]) {
      const { body } = await admin(devstore, shop, CREATE, { url });
      expect(body.data.urlRedirectImportCreate).toEqual({
        urlRedirectImport: null,
        userErrors: [{ field: ['url'], message: 'File does not exist', code: 'FILE_DOES_NOT_EXIST' }],
      });
    }
  });
});

describe('urlRedirectImportSubmit', () => {
  it('applies urlRedirectCreate’s path rules, gives an existing path (any case) the file’s target, and counts each', async () => {
    await admin(
      devstore,
      shop,
      'mutation { urlRedirectCreate(urlRedirect: { path: "/Old-About", target: "/pages/about" }) { userErrors { message } } }',
    );
    const status = await imported(
      [
        'Redirect from,Redirect to',
        'https://old-shop.example/product/mug?ref=1,/products/mug',
        'product/plate,/products/plate',
        '/old-about,/pages/about-us',
        '/admin/settings,/',
        `/${'x'.repeat(1024)},/products/long`,
        '/loop,/loop',
        ',/products/blank',
        '/no-target,',
      ].join('\n'),
    );
    expect(status).toMatchObject({ finished: true, count: 8, createdCount: 2, updatedCount: 1, failedCount: 5 });
    expect(new Date(status.finishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await redirects()).sort()).toEqual([
      '/Old-About -> /pages/about-us',
      '/product/mug?ref=1 -> /products/mug',
      '/product/plate -> /products/plate',
    ]);
  });

  it('belongs to its shop: another shop reads null and is told NOT_FOUND; a second submit is ALREADY_IMPORTED', async () => {
    const created = await admin(devstore, shop, CREATE, {
      url: await staged('Redirect from,Redirect to\n/a,/pages/a\n'),
    });
    const id = created.body.data.urlRedirectImportCreate.urlRedirectImport.id;
    const other = await createShop(devstore);
    expect((await admin(devstore, other, STATUS, { id })).body.data.urlRedirectImport).toBeNull();
    expect((await admin(devstore, other, SUBMIT, { id })).body.data.urlRedirectImportSubmit).toEqual({
      job: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND' }],
    });
    await admin(devstore, shop, SUBMIT, { id });
    await devstore.bulkSettled();
    expect((await admin(devstore, shop, SUBMIT, { id })).body.data.urlRedirectImportSubmit).toEqual({
      job: null,
      userErrors: [{ field: ['id'], code: 'ALREADY_IMPORTED' }],
    });
  });

  it('costs what Shopify’s rules price it at: 10 a mutation (11 to stage with the form’s parameters), 1 a status', async () => {
    const cost = (body: { extensions: { cost: { requestedQueryCost: number } } }) =>
      body.extensions.cost.requestedQueryCost;
    // Shopify's recorded answers: stagedTargets { url resourceUrl parameters { name value } } is 11 (decision 0017).
    const form = await admin(
      devstore,
      shop,
      'mutation { stagedUploadsCreate(input: [{ resource: URL_REDIRECT_IMPORT, filename: "r.csv", mimeType: "text/csv", httpMethod: POST }]) { stagedTargets { url resourceUrl parameters { name value } } } }',
    );
    expect(cost(form.body)).toBe(11);
    const url = await staged('Redirect from,Redirect to\n/a,/pages/a\n');
    const created = await admin(
      devstore,
      shop,
      'mutation($url: URL!) { urlRedirectImportCreate(url: $url) { urlRedirectImport { id } userErrors { code } } }',
      { url },
    );
    expect(cost(created.body)).toBe(10);
    const id = created.body.data.urlRedirectImportCreate.urlRedirectImport.id;
    const submitted = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { urlRedirectImportSubmit(id: $id) { job { id } userErrors { code } } }',
      { id },
    );
    expect(cost(submitted.body)).toBe(10);
    expect(cost((await admin(devstore, shop, STATUS, { id })).body)).toBe(1);
  });
});

describe('urlRedirects searches around an import', () => {
  it('filters by id range and by paths joined with OR (ignoring case)', async () => {
    const ids: string[] = [];
    for (const path of ['/a', '/b', '/c']) {
      const { body } = await admin(
        devstore,
        shop,
        'mutation($r: UrlRedirectInput!) { urlRedirectCreate(urlRedirect: $r) { urlRedirect { id } } }',
        { r: { path, target: '/' } },
      );
      ids.push(body.data.urlRedirectCreate.urlRedirect.id.split('/').pop());
    }
    expect(await redirects(`id:>${ids[0]}`)).toEqual(['/b -> /', '/c -> /']);
    expect(await redirects(`id:<=${ids[1]}`)).toEqual(['/a -> /', '/b -> /']);
    expect(await redirects(`id:${ids[2]}`)).toEqual(['/c -> /']);
    expect(await redirects('path:"/A" OR path:"/c" OR path:"/missing"')).toEqual(['/a -> /', '/c -> /']);
    expect(await redirects(`path:/a OR id:${ids[1]}`)).toEqual(['/a -> /', '/b -> /']);
  });
});
