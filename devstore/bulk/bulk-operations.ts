// `bulkOperationRunMutation`, `bulkOperationRunQuery`, `bulkOperationCancel`, `bulkOperation(id)`
// and `currentBulkOperation`.
// The work itself happens in bulk-runner.ts, after the mutation has answered.
import { getOperationAST } from 'graphql';
import type { Args, RequestContext, ResolverModule } from '../graphql/context.ts';
import { NotImplementedError } from '../graphql/errors.ts';
import { parseAndValidate } from '../graphql/execute.ts';
import { prepareBulkQuery } from './bulk-query.ts';
import { gid, parseGid } from '../catalog/ids.ts';
import { shopOfKey } from './upload-form.ts';
import { UPLOADS_PATH } from './uploads.ts';

/**
 * How many bulk operations, queries and mutations together, an app may have running on a shop at
 * once: "Each app can run up to five bulk operations per shop simultaneously"
 * (https://shopify.dev/changelog/faster-bulk-operations). The bulk-operations guide speaks of five
 * bulk *query* operations; where the two differ devstore takes the stricter, five of any kind.
 */
export const MAX_RUNNING_BULK_OPERATIONS = 5;

/** Bulk operations of any kind this shop has under way. */
async function runningOperations(context: RequestContext): Promise<number> {
  const { rows } = await context.pool.query<{ count: string }>(
    "SELECT count(*) FROM devstore.bulk_operations WHERE shop = $1 AND status IN ('CREATED', 'RUNNING', 'CANCELING')",
    [context.shop.domain],
  );
  return Number(rows[0]?.count ?? 0);
}

export interface BulkOperationRow {
  id: string;
  shop: string;
  type: string;
  status: string;
  query: string;
  staged_upload_path: string | null;
  client_identifier: string | null;
  error_code: string | null;
  object_count: string;
  root_object_count: string;
  file_size: string | null;
  result_key: string | null;
  partial_key: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export function bulkOperationObject(row: BulkOperationRow, baseUrl: string) {
  const url = (key: string | null) => (key ? `${baseUrl}${UPLOADS_PATH}/${key}` : null);
  return {
    __typename: 'BulkOperation',
    id: gid('BulkOperation', row.id),
    type: row.type,
    status: row.status,
    query: row.query,
    errorCode: row.error_code,
    objectCount: row.object_count,
    rootObjectCount: row.root_object_count,
    fileSize: row.file_size,
    url: url(row.result_key),
    partialDataUrl: url(row.partial_key),
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

type Problem = { __typename: 'BulkMutationUserError'; field: string[] | null; message: string; code: string };

function refused(userErrors: Problem[]) {
  return { __typename: 'BulkOperationRunMutationPayload', bulkOperation: null, userErrors };
}

async function bulkOperationRunMutation(args: Args, context: RequestContext) {
  const mutation = String(args.mutation);
  const path = String(args.stagedUploadPath);
  const parsed = parseAndValidate(mutation);
  const operation = parsed.document ? getOperationAST(parsed.document) : null;
  const rootFields = operation?.selectionSet.selections.filter((selection) => selection.kind === 'Field') ?? [];
  if (parsed.errors || !operation || operation.operation !== 'mutation' || rootFields.length !== 1) {
    const detail = parsed.errors?.[0]?.message ?? 'the document must be one mutation with one root field';
    return refused([
      {
        __typename: 'BulkMutationUserError',
        field: ['mutation'],
        message: `Invalid mutation: ${detail}`,
        code: 'INVALID_MUTATION',
      },
    ]);
  }
  const key = path.replace(/^https?:\/\/[^/]+/, '').replace(new RegExp(`^${UPLOADS_PATH}/`), '');
  const { rows: files } =
    shopOfKey(key) === context.shop.domain
      ? await context.pool.query<{ size: string }>(
          'SELECT octet_length(bytes) AS size FROM devstore.uploads WHERE key = $1',
          [key],
        )
      : { rows: [] };
  if (!files[0]) {
    return refused([
      {
        __typename: 'BulkMutationUserError',
        field: ['stagedUploadPath'],
        message:
          "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.",
        code: 'NO_SUCH_FILE',
      },
    ]);
  }
  if ((await runningOperations(context)) >= MAX_RUNNING_BULK_OPERATIONS) {
    return refused([
      {
        __typename: 'BulkMutationUserError',
        field: null,
        message: `A shop can run at most ${MAX_RUNNING_BULK_OPERATIONS} bulk operations at the same time.`,
        code: 'LIMIT_REACHED',
      },
    ]);
  }
  const { rows } = await context.pool.query<BulkOperationRow>(
    'INSERT INTO devstore.bulk_operations (shop, type, query, staged_upload_path, client_identifier) VALUES ($1, $2, $3, $4, $5) RETURNING *',
    [
      context.shop.domain,
      'MUTATION',
      mutation,
      key,
      typeof args.clientIdentifier === 'string' ? args.clientIdentifier : null,
    ],
  );
  const row = rows[0] as BulkOperationRow;
  context.startBulkOperation(String(row.id));
  return {
    __typename: 'BulkOperationRunMutationPayload',
    bulkOperation: bulkOperationObject(row, context.baseUrl),
    userErrors: [],
  };
}

async function bulkOperationRunQuery(args: Args, context: RequestContext) {
  const refuse = (message: string, code: string, field: string[] | null) => ({
    __typename: 'BulkOperationRunQueryPayload',
    bulkOperation: null,
    userErrors: [{ __typename: 'BulkOperationUserError', field, message, code }],
  });
  if (args.groupObjects === true) throw new NotImplementedError('bulkOperationRunQuery with groupObjects: true');
  const prepared = prepareBulkQuery(String(args.query));
  if ('error' in prepared) return refuse(prepared.error, 'INVALID', ['query']);
  if ((await runningOperations(context)) >= MAX_RUNNING_BULK_OPERATIONS)
    return refuse('Bulk operations limit reached. Please try again later.', 'LIMIT_REACHED', null);
  const { rows } = await context.pool.query<BulkOperationRow>(
    "INSERT INTO devstore.bulk_operations (shop, type, query) VALUES ($1, 'QUERY', $2) RETURNING *",
    [context.shop.domain, String(args.query)],
  );
  const row = rows[0] as BulkOperationRow;
  context.startBulkOperation(String(row.id));
  return {
    __typename: 'BulkOperationRunQueryPayload',
    bulkOperation: bulkOperationObject(row, context.baseUrl),
    userErrors: [],
  };
}

async function findOperation(context: RequestContext, id: unknown): Promise<BulkOperationRow | undefined> {
  const numeric = parseGid(id, 'BulkOperation');
  if (!numeric) return undefined;
  const { rows } = await context.pool.query<BulkOperationRow>(
    'SELECT * FROM devstore.bulk_operations WHERE shop = $1 AND id = $2',
    [context.shop.domain, numeric],
  );
  return rows[0];
}

async function bulkOperationCancel(args: Args, context: RequestContext) {
  const { rows } = await context.pool.query<BulkOperationRow>(
    "UPDATE devstore.bulk_operations SET status = 'CANCELING' WHERE shop = $1 AND id = $2 AND status IN ('CREATED', 'RUNNING') RETURNING *",
    [context.shop.domain, parseGid(args.id, 'BulkOperation') ?? '0'],
  );
  const row = rows[0] ?? (await findOperation(context, args.id));
  if (!row)
    return {
      __typename: 'BulkOperationCancelPayload',
      bulkOperation: null,
      userErrors: [{ __typename: 'UserError', field: ['id'], message: 'Bulk operation does not exist' }],
    };
  const userErrors = rows[0]
    ? []
    : [
        {
          __typename: 'UserError',
          field: null,
          message: `A bulk operation cannot be canceled when it is ${row.status.toLowerCase()}`,
        },
      ];
  return {
    __typename: 'BulkOperationCancelPayload',
    bulkOperation: bulkOperationObject(row, context.baseUrl),
    userErrors,
  };
}

export const bulkOperationsModule: ResolverModule = {
  nodes: {
    BulkOperation: async (context, id) => {
      const row = await findOperation(context, gid('BulkOperation', id));
      return row ? bulkOperationObject(row, context.baseUrl) : null;
    },
  },
  queries: {
    bulkOperation: async (args, context) => {
      const row = await findOperation(context, args.id);
      return row ? bulkOperationObject(row, context.baseUrl) : null;
    },
    currentBulkOperation: async (args, context) => {
      const { rows } = await context.pool.query<BulkOperationRow>(
        'SELECT * FROM devstore.bulk_operations WHERE shop = $1 AND type = $2 ORDER BY id DESC LIMIT 1',
        [context.shop.domain, typeof args.type === 'string' ? args.type : 'QUERY'],
      );
      return rows[0] ? bulkOperationObject(rows[0], context.baseUrl) : null;
    },
  },
  mutations: { bulkOperationRunMutation, bulkOperationRunQuery, bulkOperationCancel },
};
