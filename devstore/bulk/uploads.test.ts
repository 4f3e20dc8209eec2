// Staged upload targets carry the signed form Shopify's do, and the upload must send it whole:
// every parameter the target gives, unchanged and before the file, or storage refuses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';
import { checkForm, signedFormFields } from './upload-form.ts';

let devstore: Devstore;
let shop: TestShop;
beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

type Parameter = { name: string; value: string };
const STAGE = `mutation { stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: "bulk_op_vars", mimeType: "text/jsonl", httpMethod: POST }]) {
  stagedTargets { url resourceUrl parameters { name value } } userErrors { field message }
} }`;

async function target(): Promise<{ url: string; resourceUrl: string; parameters: Parameter[] }> {
  return (await admin(devstore, shop, STAGE)).body.data.stagedUploadsCreate.stagedTargets[0];
}

async function post(url: string, fields: Parameter[], fileFirst = false, after: Parameter[] = []) {
  const form = new FormData();
  const file = () => form.append('file', new Blob(['{"input":{}}\n'], { type: 'text/jsonl' }), 'bulk_op_vars');
  if (fileFirst) file();
  for (const field of fields) form.append(field.name, field.value);
  if (!fileFirst) file();
  for (const field of after) form.append(field.name, field.value);
  const response = await fetch(url, { method: 'POST', body: form });
  return { status: response.status, text: await response.text() };
}

describe('stagedUploadsCreate (POST)', () => {
  it('gives the form fields Shopify’s targets give, in their order, the policy signing each', async () => {
    const { parameters } = await target();
    expect(parameters.map((parameter) => parameter.name)).toEqual([
      'Content-Type',
      'success_action_status',
      'acl',
      'key',
      'x-goog-date',
      'x-goog-credential',
      'x-goog-algorithm',
      'x-goog-signature',
      'policy',
    ]);
    const value = (name: string) => parameters.find((parameter) => parameter.name === name)?.value as string;
    expect(value('key')).toMatch(new RegExp(`^tmp/${shop.domain}/bulk/[0-9a-f-]+/bulk_op_vars$`));
    const policy = JSON.parse(Buffer.from(value('policy'), 'base64').toString('utf8'));
    for (const name of [
      'Content-Type',
      'success_action_status',
      'acl',
      'key',
      'x-goog-date',
      'x-goog-credential',
      'x-goog-algorithm',
    ])
      expect(policy.conditions).toContainEqual({ [name]: value(name) });
    const date = value('x-goog-date');
    const issued = Date.parse(
      `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
    );
    expect(Date.parse(policy.expiration) - issued).toBe(24 * 60 * 60 * 1000);
  });

  it('stores a form sent whole, every parameter before the file, and serves it back', async () => {
    const { url, resourceUrl, parameters } = await target();
    const stored = await post(url, parameters);
    expect(stored.status).toBe(201);
    expect(stored.text).toMatch(
      /<PostResponse><Location>.+<\/Location><Bucket>devstore<\/Bucket><Key>tmp\/.+\/bulk_op_vars<\/Key><ETag>".+"<\/ETag><\/PostResponse>/,
    );
    expect(await (await fetch(resourceUrl)).text()).toBe('{"input":{}}\n');
  });

  it('refuses a form missing a parameter, with one changed, or with one sent after the file', async () => {
    const { url, parameters } = await target();
    const withoutAcl = await post(
      url,
      parameters.filter((parameter) => parameter.name !== 'acl'),
    );
    expect(withoutAcl.status).toBe(400);
    expect(withoutAcl.text).toContain(
      '<Code>InvalidPolicyDocument</Code><Message>The content of the form does not meet the conditions specified in the policy document.</Message>',
    );
    const changed = await post(
      url,
      parameters.map((parameter) =>
        parameter.name === 'Content-Type' ? { ...parameter, value: 'text/plain' } : parameter,
      ),
    );
    expect(changed.status).toBe(400);
    const keyLast = await post(
      url,
      parameters.filter((parameter) => parameter.name !== 'key'),
      false,
      parameters.filter((parameter) => parameter.name === 'key'),
    );
    expect(keyLast.status).toBe(400);
    expect(keyLast.text).toContain('the form has no key before the file');
    expect((await post(url, parameters, true)).status).toBe(400);
  });

  it('refuses a signature that is not the policy’s, and a field the policy does not name', async () => {
    const { url, parameters } = await target();
    const forged = await post(
      url,
      parameters.map((parameter) =>
        parameter.name === 'x-goog-signature' ? { ...parameter, value: '0'.repeat(64) } : parameter,
      ),
    );
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const extra = await post(url, [...parameters, { name: 'x-goog-meta-owner', value: 'me' }]);
    expect(extra.status).toBe(400);
    expect(extra.text).toContain('Policy did not reference these fields: x-goog-meta-owner');
  });

  it('refuses a form once its policy has expired, a day after it was given', async () => {
    const issued = new Date('2026-11-01T10:00:00Z');
    const fields = signedFormFields(
      'secret',
      shop.domain,
      `tmp/${shop.domain}/bulk/1/bulk_op_vars`,
      'text/jsonl',
      100,
      issued,
    );
    const entries = (at: Date) =>
      checkForm(
        [
          ...fields.map(({ name, value }) => [name, value] as [string, string]),
          ['file', new File(['x'], 'bulk_op_vars')],
        ],
        async () => 'secret',
        at,
      );
    expect(await entries(new Date('2026-11-02T09:59:59Z'))).toMatchObject({ ok: true, status: 201 });
    expect(await entries(new Date('2026-11-02T10:00:01Z'))).toMatchObject({
      ok: false,
      code: 'InvalidPolicyDocument',
      details: 'Policy expired.',
    });
  });
});
