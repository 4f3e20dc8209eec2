import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type Answer, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const STAGE = `mutation { stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: "bulk_op_vars", mimeType: "text/jsonl", httpMethod: POST }]) {
  stagedTargets { url resourceUrl parameters { name value } } userErrors { field message }
} }`;

/** The documented client flow: stage, POST the form with the file last, run with the key. */
async function upload(jsonl: string): Promise<string> {
  const staged = await admin(devstore, shop, STAGE);
  const target = staged.body.data.stagedUploadsCreate.stagedTargets[0] as {
    url: string;
    parameters: { name: string; value: string }[];
  };
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([jsonl], { type: 'text/jsonl' }), 'bulk_op_vars');
  const response = await fetch(target.url, { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return target.parameters.find((parameter) => parameter.name === 'key')?.value as string;
}

const RUN = `mutation($mutation: String!, $path: String!) {
  bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path) { bulkOperation { id status } userErrors { field message code } }
}`;
const PRODUCT_SET =
  'mutation call($input: ProductSetInput!) { productSet(input: $input) { product { handle } userErrors { field code } } }';

async function operation(id: string): Promise<Answer> {
  const { body } = await admin(
    devstore,
    shop,
    'query($id: ID!) { bulkOperation(id: $id) { status errorCode objectCount rootObjectCount fileSize url partialDataUrl completedAt } }',
    { id },
  );
  return body.data.bulkOperation;
}

describe('bulkOperationRunMutation', () => {
  it('runs each JSONL line through productSet and writes results matched by __lineNumber', async () => {
    const path = await upload(
      [
        JSON.stringify({ input: { title: 'Bulk Kettle' } }),
        JSON.stringify({ input: { title: 'Bulk Kettle', handle: 'bulk-kettle' } }),
        'not json',
        JSON.stringify({ input: { title: 'Bulk Teapot' } }),
      ].join('\n'),
    );
    const { body } = await admin(devstore, shop, RUN, { mutation: PRODUCT_SET, path });
    expect(body.data.bulkOperationRunMutation.userErrors).toEqual([]);
    expect(body.data.bulkOperationRunMutation.bulkOperation.status).toBe('CREATED');
    await devstore.bulkSettled();

    const done = await operation(body.data.bulkOperationRunMutation.bulkOperation.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      errorCode: null,
      objectCount: '4',
      rootObjectCount: '4',
      partialDataUrl: null,
    });
    const lines = (await (await fetch(done.url)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer);
    expect(lines.map((line) => line.__lineNumber)).toEqual([0, 1, 2, 3]);
    expect(lines[0].data.productSet).toEqual({ product: { handle: 'bulk-kettle' }, userErrors: [] });
    expect(lines[1].data.productSet.userErrors).toEqual([{ field: ['input', 'handle'], code: 'HANDLE_NOT_UNIQUE' }]);
    expect(lines[2].errors[0].message).toBe('Line 2 is not valid JSON.');
    expect(lines[3].data.productSet.product.handle).toBe('bulk-teapot');
  });

  it('refuses a staged upload path that does not exist (NO_SUCH_FILE)', async () => {
    const { body } = await admin(devstore, shop, RUN, {
      mutation: PRODUCT_SET,
      path: `tmp/${shop.domain}/bulk/nothing/bulk_op_vars`,
    });
    expect(body.data.bulkOperationRunMutation).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: ['stagedUploadPath'],
          message: expect.stringContaining('The JSONL file could not be found.'),
          code: 'NO_SUCH_FILE',
        },
      ],
    });
  });

  it('refuses a document that is not one valid mutation (INVALID_MUTATION)', async () => {
    const path = await upload('{}\n');
    const { body } = await admin(devstore, shop, RUN, {
      mutation: 'mutation { productSet(input: { title: "x" }) { nope } }',
      path,
    });
    expect(body.data.bulkOperationRunMutation.userErrors[0]).toMatchObject({
      field: ['mutation'],
      code: 'INVALID_MUTATION',
    });
  });

  it('refuses a sixth bulk operation, mutation or query, while five are running (LIMIT_REACHED)', async () => {
    const busy = await createShop(devstore);
    // Five operations under way, set up directly: real ones would finish before the sixth call.
    await devstore.pool.query(
      "INSERT INTO devstore.bulk_operations (shop, status, query) SELECT $1, 'RUNNING', $2 FROM generate_series(1, 5)",
      [busy.domain, PRODUCT_SET],
    );
    const { body } = await admin(devstore, busy, RUN, { mutation: PRODUCT_SET, path: 'tmp/whatever' });
    // The file is checked first, as NO_SUCH_FILE; with a real file the limit answers.
    expect(body.data.bulkOperationRunMutation.userErrors[0].code).toBe('NO_SUCH_FILE');
    const staged = await admin(devstore, busy, STAGE);
    const target = staged.body.data.stagedUploadsCreate.stagedTargets[0] as {
      url: string;
      parameters: { name: string; value: string }[];
    };
    const form = new FormData();
    for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
    form.append('file', new Blob(['{}\n'], { type: 'text/jsonl' }), 'bulk_op_vars');
    await fetch(target.url, { method: 'POST', body: form });
    const path = target.parameters.find((parameter) => parameter.name === 'key')?.value;
    const limited = await admin(devstore, busy, RUN, { mutation: PRODUCT_SET, path });
    expect(limited.body.data.bulkOperationRunMutation).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: 'A shop can run at most 5 bulk operations at the same time.',
          code: 'LIMIT_REACHED',
        },
      ],
    });
    // Five of any kind: a bulk query waits for them too.
    const query = await admin(
      devstore,
      busy,
      'mutation { bulkOperationRunQuery(query: "{ products { edges { node { id } } } }") { bulkOperation { id } userErrors { code } } }',
    );
    expect(query.body.data.bulkOperationRunQuery).toEqual({
      bulkOperation: null,
      userErrors: [{ code: 'LIMIT_REACHED' }],
    });
  });
});
