// Reads a JSON file of canonical-model records ({ store, records: { products: [...], … } }) a page
// at a time. The file is the source: a record is handed on as it is, and staging checks it against the
// model like any connector's; one without a source id is kept with the reason.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ENTITIES, type Entity } from '../model.ts';
import type { ConnectorFactory } from '../platform.ts';
import {
  type ConnectionCheck,
  type ExtractedPage,
  type ExtractOptions,
  type SourceConnector,
  SourceError,
  type StoreDescription,
} from '../source-connector.ts';
import { JsonFileCredentials } from './credentials.ts';

const PAGE_SIZE = 50;

const StoreFile = z.object({
  store: z
    .object({ name: z.string().nullable().default(null), currency: z.string().nullable().default(null) })
    .default({ name: null, currency: null }),
  records: z.partialRecord(z.enum(ENTITIES), z.array(z.unknown())),
});
type StoreFile = z.infer<typeof StoreFile>;

export class JsonFileConnector implements SourceConnector {
  readonly platform = 'json-file';
  private readonly file: string;
  private contents: Promise<StoreFile> | null = null;

  constructor(credentials: JsonFileCredentials) {
    this.file = credentials.file;
  }

  async testConnection(): Promise<ConnectionCheck> {
    try {
      return { ok: true, description: await this.describe() };
    } catch (error) {
      if (error instanceof SourceError) return { ok: false, problem: error.problem, message: error.message };
      throw error;
    }
  }

  async describe(): Promise<StoreDescription> {
    const { store, records } = await this.read();
    const counts = Object.fromEntries(Object.entries(records).map(([entity, list]) => [entity, list.length]));
    return {
      platform: this.platform,
      version: null,
      url: null,
      name: store.name ?? path.basename(this.file),
      currency: store.currency,
      counts,
    };
  }

  async extract(entity: Entity, cursor: string | null, options: ExtractOptions = {}): Promise<ExtractedPage> {
    const all = (await this.read()).records[entity] ?? [];
    const since = options.modifiedAfter;
    const list = since ? all.filter((record) => changedAfter(record, since)) : all;
    const start = cursor === null ? 0 : Number(/^offset:(\d+)$/.exec(cursor)?.[1] ?? Number.NaN);
    if (!Number.isInteger(start)) throw new Error(`"${cursor}" is not a JSON-file cursor`);
    const page = list.slice(start, start + PAGE_SIZE);
    return {
      records: page.map((record) => {
        const sourceId = (record as { sourceId?: unknown } | null)?.sourceId;
        return typeof sourceId === 'string' && sourceId
          ? { ok: true, sourceId, record, raw: record }
          : { ok: false, sourceId: null, reason: 'The record has no sourceId', raw: record };
      }),
      nextCursor: start + PAGE_SIZE < list.length ? `offset:${start + PAGE_SIZE}` : null,
      total: list.length,
    };
  }

  private read(): Promise<StoreFile> {
    this.contents ??= fs.readFile(this.file, 'utf8').then(
      (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new SourceError('not-the-platform', `${path.basename(this.file)} is not JSON.`);
        }
        const parsed = StoreFile.safeParse(json);
        if (!parsed.success)
          throw new SourceError(
            'not-the-platform',
            `${path.basename(this.file)} is not a file of Shipyard records: ${parsed.error.issues[0]?.message ?? ''}`,
          );
        return parsed.data;
      },
      (error: unknown) => {
        throw new SourceError(
          'unreachable',
          `Cannot read ${this.file}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      },
    );
    return this.contents;
  }
}

/** A record without updatedAt is taken as changed: the file cannot say otherwise. */
function changedAfter(record: unknown, since: Date): boolean {
  const updatedAt = (record as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof updatedAt !== 'string' || Date.parse(updatedAt) > since.getTime();
}

/** The platform's factory, found by registry.server.ts by its name in this folder's connector.ts. */
export const connect: ConnectorFactory = (credentials) => new JsonFileConnector(JsonFileCredentials.parse(credentials));
