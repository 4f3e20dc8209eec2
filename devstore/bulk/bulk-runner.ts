// Runs bulk operations in the background. A mutation: each JSONL line's variables go through the
// same resolvers as a request, each result a line with its `__lineNumber`. A query: see
// bulk-query.ts. CREATED → RUNNING → COMPLETED (or CANCELED, or FAILED), then bulk_operations/finish.
import type { Pool } from 'pg';
import type { Executor } from '../graphql/execute.ts';
import type { RequestContext } from '../graphql/context.ts';
import { findShop, type Shop } from '../shops.ts';
import { gid } from '../catalog/ids.ts';
import type { BulkOperationRow } from './bulk-operations.ts';
import { prepareBulkQuery, runBulkQuery } from './bulk-query.ts';
import { readUpload, saveResult } from './uploads.ts';

/** Checking for a cancel after every line would cost a query per line; every 50 is soon enough. */
const CANCEL_CHECK_EVERY = 50;

export interface BulkRunnerDeps {
  pool: Pool;
  executor: Executor;
  baseUrl: () => string;
  emit: (shop: Shop, topic: string, payload: unknown) => void;
  fetchFiles: (ids: string[]) => void;
}

export class BulkRunner {
  private readonly deps: BulkRunnerDeps;
  private readonly running = new Set<Promise<void>>();

  constructor(deps: BulkRunnerDeps) {
    this.deps = deps;
  }

  /** A restart loses the operations under way: they end FAILED, as Shopify would report a crash. */
  async failInterrupted(): Promise<void> {
    await this.deps.pool.query(
      "UPDATE devstore.bulk_operations SET status = 'FAILED', error_code = 'INTERNAL_SERVER_ERROR', completed_at = now() WHERE status IN ('CREATED', 'RUNNING', 'CANCELING')",
    );
  }

  start(id: string): void {
    const run = this.run(id)
      .catch((error: unknown) => {
        console.error(`devstore: bulk operation ${id} failed`, error);
        return this.deps.pool.query(
          "UPDATE devstore.bulk_operations SET status = 'FAILED', error_code = 'INTERNAL_SERVER_ERROR', completed_at = now() WHERE id = $1",
          [id],
        );
      })
      .then(() => undefined)
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async run(id: string): Promise<void> {
    const { pool, executor } = this.deps;
    const { rows } = await pool.query<BulkOperationRow>(
      "UPDATE devstore.bulk_operations SET status = 'RUNNING' WHERE id = $1 AND status = 'CREATED' RETURNING *",
      [id],
    );
    const operation = rows[0];
    if (!operation) return;
    const shop = await findShop(pool, operation.shop);
    if (shop && operation.type === 'QUERY') return this.runQuery(operation, shop);
    const upload = operation.staged_upload_path ? await readUpload(pool, operation.staged_upload_path) : undefined;
    if (!shop || !upload) {
      await pool.query(
        "UPDATE devstore.bulk_operations SET status = 'FAILED', error_code = 'INTERNAL_SERVER_ERROR', completed_at = now() WHERE id = $1",
        [id],
      );
      return;
    }
    const lines = upload.bytes.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const results: string[] = [];
    let canceled = false;
    for (const [lineNumber, line] of lines.entries()) {
      if (lineNumber % CANCEL_CHECK_EVERY === 0 && lineNumber > 0) {
        const { rows: state } = await pool.query<{ status: string }>(
          'SELECT status FROM devstore.bulk_operations WHERE id = $1',
          [id],
        );
        if (state[0]?.status === 'CANCELING') {
          canceled = true;
          break;
        }
      }
      let variables: Record<string, unknown>;
      try {
        variables = JSON.parse(line) as Record<string, unknown>;
      } catch {
        results.push(
          JSON.stringify({ errors: [{ message: `Line ${lineNumber} is not valid JSON.` }], __lineNumber: lineNumber }),
        );
        continue;
      }
      const pendingFiles: string[] = [];
      const context = this.contextFor(shop, pendingFiles);
      const result = await executor.runUnmetered(
        { query: operation.query, variables, operationName: undefined },
        context,
      );
      this.deps.fetchFiles(pendingFiles);
      results.push(JSON.stringify({ ...result, __lineNumber: lineNumber }));
    }
    await this.finish(operation, shop, results, results.length, canceled ? 'CANCELED' : 'COMPLETED');
  }

  private async runQuery(operation: BulkOperationRow, shop: Shop): Promise<void> {
    const prepared = prepareBulkQuery(operation.query);
    if ('error' in prepared) throw new Error(prepared.error);
    const context = this.contextFor(shop, []);
    const { lines, rootCount, error } = await runBulkQuery(this.deps.executor, context, prepared);
    if (error) console.error(`devstore: bulk query ${operation.id} stopped: ${error}`);
    await this.finish(operation, shop, lines, rootCount, error ? 'FAILED' : 'COMPLETED');
  }

  /** Stores the result file and the counts, then tells the app (bulk_operations/finish). */
  private async finish(
    operation: BulkOperationRow,
    shop: Shop,
    lines: string[],
    rootCount: number,
    status: 'COMPLETED' | 'CANCELED' | 'FAILED',
  ): Promise<void> {
    const text = lines.length ? `${lines.join('\n')}\n` : '';
    const key = `bulk/${shop.domain}/${operation.id}.jsonl`;
    await saveResult(this.deps.pool, key, text);
    await this.deps.pool.query(
      `UPDATE devstore.bulk_operations SET status = $2, object_count = $3, root_object_count = $4, file_size = $5, error_code = $6,
         result_key = CASE WHEN $2 = 'COMPLETED' THEN $7 END, partial_key = CASE WHEN $2 <> 'COMPLETED' THEN $7 END, completed_at = now()
       WHERE id = $1`,
      [
        operation.id,
        status,
        lines.length,
        rootCount,
        Buffer.byteLength(text),
        status === 'FAILED' ? 'INTERNAL_SERVER_ERROR' : null,
        key,
      ],
    );
    this.deps.emit(shop, 'bulk_operations/finish', {
      admin_graphql_api_id: gid('BulkOperation', operation.id),
      completed_at: new Date().toISOString(),
      created_at: operation.created_at.toISOString(),
      error_code: status === 'FAILED' ? 'internal_server_error' : null,
      status: status.toLowerCase(),
      type: operation.type.toLowerCase(),
    });
  }

  private contextFor(shop: Shop, pendingFiles: string[]): RequestContext {
    const context: RequestContext = {
      pool: this.deps.pool,
      shop,
      emit: (topic, payload) => this.deps.emit(shop, topic, payload),
      fetchFiles: (ids) => pendingFiles.push(...ids),
      startBulkOperation: () => undefined,
      defer: (work) =>
        void work(context).catch((error: unknown) => console.error('devstore: background work failed', error)),
      baseUrl: this.deps.baseUrl(),
      batchers: new Map(),
    };
    return context;
  }
}
