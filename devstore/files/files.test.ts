import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;
let images: http.Server;
let origin: string;
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  images = http.createServer((request, response) => {
    if (request.url === '/lamp.png') response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    else if (request.url === '/page.html')
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(async () => {
  await devstore.stop();
  await new Promise<void>((resolve) => images.close(() => resolve()));
});

const FILE_CREATE = `mutation($files: [FileCreateInput!]!) {
  fileCreate(files: $files) { files { id fileStatus alt ... on MediaImage { image { url } } } userErrors { field message code } }
}`;
const FILES = `{ files(first: 10) { nodes { alt fileStatus fileErrors { code } ... on MediaImage { image { url } mimeType } } } }`;
/** Shopify's CDN address shape as devstore plays it: <devstore>/cdn/shop/files/<file id>/<filename>. */
const cdnPattern = (filename: string) =>
  new RegExp(`^${devstore.url.replace(/[.]/g, '\\.')}/cdn/shop/files/\\d+/${filename.replace(/[.]/g, '\\.')}$`);

describe('fileCreate', () => {
  it('answers UPLOADED, then fetches the source: READY when it is an image, FAILED when it is dead or not an image', async () => {
    const { body } = await admin(devstore, shop, FILE_CREATE, {
      files: [
        { originalSource: `${origin}/lamp.png`, alt: 'Lamp', contentType: 'IMAGE' },
        { originalSource: `${origin}/gone.png`, alt: 'Gone', contentType: 'IMAGE' },
        { originalSource: `${origin}/page.html`, alt: 'Page', contentType: 'IMAGE' },
        { originalSource: 'http://127.0.0.1:1/refused.png', alt: 'Refused', contentType: 'IMAGE' },
      ],
    });
    expect(body.data.fileCreate.userErrors).toEqual([]);
    expect(
      body.data.fileCreate.files.map((file: { fileStatus: string; image: unknown }) => [file.fileStatus, file.image]),
    ).toEqual([
      ['UPLOADED', null],
      ['UPLOADED', null],
      ['UPLOADED', null],
      ['UPLOADED', null],
    ]);
    await devstore.filesSettled();
    const listed = await admin(devstore, shop, FILES);
    expect(listed.body.data.files.nodes).toEqual([
      {
        alt: 'Lamp',
        fileStatus: 'READY',
        fileErrors: [],
        image: { url: expect.stringMatching(cdnPattern('lamp.png')) },
        mimeType: 'image/png',
      },
      {
        alt: 'Gone',
        fileStatus: 'FAILED',
        fileErrors: [{ code: 'IMAGE_DOWNLOAD_FAILURE' }],
        image: null,
        mimeType: null,
      },
      {
        alt: 'Page',
        fileStatus: 'FAILED',
        fileErrors: [{ code: 'UNSUPPORTED_IMAGE_FILE_TYPE' }],
        image: null,
        mimeType: null,
      },
      {
        alt: 'Refused',
        fileStatus: 'FAILED',
        fileErrors: [{ code: 'IMAGE_DOWNLOAD_FAILURE' }],
        image: null,
        mimeType: null,
      },
    ]);
  });

  it("answers a READY file's URL on the CDN, not its source (kept in originalSource), and the CDN serves its bytes", async () => {
    const { body } = await admin(devstore, shop, FILE_CREATE, {
      files: [
        { originalSource: `${origin}/lamp.png`, alt: 'CDN lamp', contentType: 'IMAGE' },
        { originalSource: `${origin}/lamp.png`, alt: 'Manual', contentType: 'FILE', filename: 'manual.png' },
      ],
    });
    const [imageId, fileId] = body.data.fileCreate.files.map((file: { id: string }) => file.id);
    await devstore.filesSettled();
    const read = await admin(
      devstore,
      shop,
      `query($image: ID!, $file: ID!) {
      image: node(id: $image) { ... on MediaImage { image { url } preview { image { url } } originalSource { url } } }
      file: node(id: $file) { ... on GenericFile { url preview { image { url } } } }
    }`,
      { image: imageId, file: fileId },
    );
    const { image, file } = read.body.data;
    const numericId = (id: string) => id.split('/').pop();
    expect(image.image.url).toBe(`${devstore.url}/cdn/shop/files/${numericId(imageId)}/lamp.png`);
    expect(image.preview.image.url).toBe(image.image.url);
    expect(image.originalSource.url).toBe(`${origin}/lamp.png`);
    expect(file).toEqual({
      url: `${devstore.url}/cdn/shop/files/${numericId(fileId)}/manual.png`,
      preview: { image: null },
    });

    const served = await fetch(image.image.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    expect((await fetch(file.url)).status).toBe(200);
    // A CDN address that names no READY file of that name is nothing.
    expect((await fetch(image.image.url.replace('lamp.png', 'other.png'))).status).toBe(404);
    expect((await fetch(`${devstore.url}/cdn/shop/files/999999999/lamp.png`)).status).toBe(404);
  });

  it('refuses a source that is not an http(s) URL and an alt over 512 characters', async () => {
    const { body } = await admin(devstore, shop, FILE_CREATE, {
      files: [{ originalSource: 'ftp://example.com/a.png', alt: 'x'.repeat(513) }],
    });
    expect(body.data.fileCreate.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_IMAGE_SOURCE_URL',
      'ALT_VALUE_LIMIT_EXCEEDED',
    ]);
  });
});

describe('staged uploads', () => {
  it('takes an image PUT to a staged target and serves it back to fileCreate', async () => {
    const staged = await admin(
      devstore,
      shop,
      'mutation { stagedUploadsCreate(input: [{ resource: IMAGE, filename: "hero.png", mimeType: "image/png", httpMethod: PUT }]) { stagedTargets { url resourceUrl } userErrors { message } } }',
    );
    const target = staged.body.data.stagedUploadsCreate.stagedTargets[0];
    expect(
      (await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: PNG })).status,
    ).toBe(200);
    const created = await admin(devstore, shop, FILE_CREATE, {
      files: [{ originalSource: target.resourceUrl, alt: 'Hero' }],
    });
    expect(created.body.data.fileCreate.userErrors).toEqual([]);
    await devstore.filesSettled();
    const { body } = await admin(
      devstore,
      shop,
      '{ files(first: 50, query: "status:READY") { nodes { id alt ... on MediaImage { mimeType originalSource { fileSize } } } } }',
    );
    expect(body.data.files.nodes).toContainEqual({
      id: created.body.data.fileCreate.files[0].id,
      alt: 'Hero',
      mimeType: 'image/png',
      originalSource: { fileSize: PNG.length },
    });
  });
});

describe('product media', () => {
  it('fetches productSet files: a dead image URL ends FAILED with mediaErrors, as on Shopify', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { message } } }',
      {
        input: {
          title: 'Lamp',
          files: [
            { originalSource: `${origin}/lamp.png`, alt: 'Lit', contentType: 'IMAGE' },
            { originalSource: `${origin}/missing.png`, alt: 'Dead', contentType: 'IMAGE' },
          ],
        },
      },
    );
    await devstore.filesSettled();
    const product = await admin(
      devstore,
      shop,
      'query($id: ID!) { product(id: $id) { media(first: 5) { nodes { alt status mediaErrors { code } } } } }',
      { id: body.data.productSet.product.id },
    );
    expect(product.body.data.product.media.nodes).toEqual([
      { alt: 'Lit', status: 'READY', mediaErrors: [] },
      { alt: 'Dead', status: 'FAILED', mediaErrors: [{ code: 'IMAGE_DOWNLOAD_FAILURE' }] },
    ]);
  });
});

describe('fileDelete', () => {
  it('deletes the files named, and refuses the whole call when one id names no file of the shop', async () => {
    const other = await createShop(devstore);
    const { body } = await admin(devstore, shop, FILE_CREATE, {
      files: [
        { originalSource: `${origin}/lamp.png`, alt: 'One', contentType: 'IMAGE' },
        { originalSource: `${origin}/lamp.png`, alt: 'Two', contentType: 'IMAGE' },
      ],
    });
    const [one, two] = body.data.fileCreate.files.map((file: { id: string }) => file.id) as [string, string];
    await devstore.filesSettled();
    const DELETE =
      'mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { field message code } } }';

    const elsewhere = await admin(devstore, other, DELETE, { ids: [one] });
    expect(elsewhere.body.data.fileDelete).toEqual({
      deletedFileIds: [],
      userErrors: [{ field: ['fileIds'], message: `File id ${one} does not exist.`, code: 'FILE_DOES_NOT_EXIST' }],
    });
    const partly = await admin(devstore, shop, DELETE, { ids: [one, 'gid://shopify/MediaImage/999999999'] });
    expect(partly.body.data.fileDelete.deletedFileIds).toEqual([]);
    expect(partly.body.data.fileDelete.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'FILE_DOES_NOT_EXIST',
    ]);

    const deleted = await admin(devstore, shop, DELETE, { ids: [one] });
    expect(deleted.body.data.fileDelete).toEqual({ deletedFileIds: [one], userErrors: [] });
    const left = await admin(devstore, shop, '{ files(first: 50) { nodes { id } } }');
    const ids = left.body.data.files.nodes.map((node: { id: string }) => node.id);
    expect(ids).toContain(two);
    expect(ids).not.toContain(one);
  });
});
