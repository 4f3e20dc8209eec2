// Shopify bulk mutations, whatever they write: the variables staged as a JSONL upload, the operation
// started with bulkOperationRunMutation (which does not draw on the request bucket and takes any
// Admin API mutation: https://shopify.dev/docs/api/usage/bulk-operations/imports), and its result
// lines read back once it has finished, matched to the lines sent by __lineNumber.
import { type UserError, describeUserErrors } from './user-errors.server.ts';
import type { Writer } from './writer.server.ts';

export const STAGE_BULK_VARIABLES = `#graphql
  mutation StageBulkVariables($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const RUN_BULK_MUTATION = `#graphql
  mutation RunBulkMigration($mutation: String!, $stagedUploadPath: String!) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const BULK_OPERATION_STATUS = `#graphql
  query BulkMigrationStatus($id: ID!) {
    bulkOperation(id: $id) {
      status
      errorCode
      url
      partialDataUrl
    }
  }
`;

/** Storage's reason for refusing an upload, from its XML answer (Message, then Details). */
function storageReason(status: number, body: string): string {
  const part = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body)?.[1];
  return [`${status}`, part('Message'), part('Details')].filter(Boolean).join(': ');
}

/** What a staged upload is for (StagedUploadInput), and the words an error names it by. */
export interface StagedFile {
  resource: 'BULK_MUTATION_VARIABLES' | 'URL_REDIRECT_IMPORT';
  filename: string;
  mimeType: string;
  /** "the bulk variables file": how a refusal names the file. */
  what: string;
}

/**
 * Stages a file through `document` (a stagedUploadsCreate selecting the target's url, parameters
 * and, when the caller needs it, resourceUrl) and uploads it: the form carries every parameter the
 * target gives, in the order given, and the file last — the parameters are a signed policy, and
 * storage ignores whatever follows the file. Returns the target's resourceUrl (what
 * urlRedirectImportCreate reads) and key (what bulkOperationRunMutation takes as stagedUploadPath).
 */
export async function stageFile(
  writer: Writer,
  document: string,
  file: StagedFile,
  contents: string,
  estimatedCost?: number,
): Promise<{ resourceUrl: string | null; key: string }> {
  const { data } = await writer.client.request<{
    stagedUploadsCreate: {
      stagedTargets: { url: string; resourceUrl?: string; parameters: { name: string; value: string }[] }[];
      userErrors: UserError[];
    };
  }>(
    document,
    {
      input: [
        {
          resource: file.resource,
          filename: file.filename,
          mimeType: file.mimeType,
          httpMethod: 'POST',
          fileSize: String(Buffer.byteLength(contents)),
        },
      ],
    },
    estimatedCost === undefined ? {} : { estimatedCost },
  );
  const target = data.stagedUploadsCreate.stagedTargets[0];
  if (!target)
    throw new Error(`Shopify gave no upload target: ${describeUserErrors(data.stagedUploadsCreate.userErrors)}`);
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([contents], { type: file.mimeType }), file.filename);
  const response = await fetch(target.url, { method: 'POST', body: form, signal: AbortSignal.timeout(120_000) });
  if (!response.ok)
    throw new Error(
      `Shopify's storage refused ${file.what} (${storageReason(response.status, await response.text())})`,
    );
  const key = target.parameters.find((parameter) => parameter.name === 'key')?.value;
  if (!key) throw new Error('The upload target named no key');
  return { resourceUrl: target.resourceUrl ?? null, key };
}

/** Stages a JSONL file of variables; the key bulkOperationRunMutation takes as stagedUploadPath. */
export async function stageBulkVariables(writer: Writer, jsonl: string, filename = 'variables.jsonl'): Promise<string> {
  const file = {
    resource: 'BULK_MUTATION_VARIABLES',
    filename,
    mimeType: 'text/jsonl',
    what: 'the bulk variables file',
  } as const;
  return (await stageFile(writer, STAGE_BULK_VARIABLES, file, jsonl)).key;
}

/** Uploads the variables, one JSON object a line, and starts `mutation` over them; the operation's id. */
export async function startBulkMutation(
  writer: Writer,
  mutation: string,
  lines: unknown[],
  filename: string,
): Promise<string> {
  const path = await stageBulkVariables(writer, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`, filename);
  const { data } = await writer.client.request<{
    bulkOperationRunMutation: { bulkOperation: { id: string } | null; userErrors: UserError[] };
  }>(RUN_BULK_MUTATION, {
    mutation,
    stagedUploadPath: path,
  });
  const operation = data.bulkOperationRunMutation.bulkOperation;
  if (!operation)
    throw new Error(
      `Shopify refused the bulk operation: ${describeUserErrors(data.bulkOperationRunMutation.userErrors)}`,
    );
  return operation.id;
}

export interface ResultLine<T> {
  __lineNumber: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface FinishedOperation<T> {
  /** COMPLETED, FAILED, CANCELED, EXPIRED, or undefined when Shopify no longer knows the operation. */
  status: string | undefined;
  errorCode: string | null;
  /** The answer for each line it reached (a failed or cancelled operation leaves some out). */
  lines: ResultLine<T>[];
}

/** The operation's result lines once it has finished; 'running' while Shopify is still at it. */
export async function finishedOperation<T>(
  writer: Writer,
  operationId: string,
): Promise<'running' | FinishedOperation<T>> {
  const { data } = await writer.client.request<{
    bulkOperation: {
      status: string;
      errorCode: string | null;
      url: string | null;
      partialDataUrl: string | null;
    } | null;
  }>(BULK_OPERATION_STATUS, { id: operationId });
  const operation = data.bulkOperation;
  if (operation && ['CREATED', 'RUNNING', 'CANCELING'].includes(operation.status)) return 'running';
  const resultUrl = operation?.url ?? operation?.partialDataUrl;
  const lines: ResultLine<T>[] = [];
  if (resultUrl) {
    const text = await (await fetch(resultUrl, { signal: AbortSignal.timeout(120_000) })).text();
    for (const line of text.split('\n')) if (line.trim()) lines.push(JSON.parse(line) as ResultLine<T>);
  }
  return { status: operation?.status, errorCode: operation?.errorCode ?? null, lines };
}
