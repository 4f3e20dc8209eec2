// Fetches files and product media from their source URL after the mutation has answered, as Shopify
// does: UPLOADED → PROCESSING → READY, or FAILED with Shopify's error code when the source is dead,
// not an image, or too large. Files still pending when devstore stopped are picked up at start.
import type { Pool } from 'pg';

/** Shopify's documented ceiling for images; generic files may be larger but devstore keeps one limit. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const CONCURRENCY = 8;
const TIMEOUT_MS = 20_000;

interface Failure {
  code: string;
  message: string;
}

export class FileFetcher {
  private readonly pool: Pool;
  private readonly queue: string[] = [];
  private running = 0;
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(pool: Pool) {
    this.pool = pool;
  }

  async resumePending(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>(
      "SELECT id FROM devstore.files WHERE status IN ('UPLOADED', 'PROCESSING') ORDER BY id",
    );
    this.enqueue(rows.map((row) => String(row.id)));
  }

  enqueue(ids: string[]): void {
    if (this.stopped) return;
    this.queue.push(...ids);
    while (this.running < CONCURRENCY && this.queue.length) {
      this.running += 1;
      void this.drain();
    }
  }

  /** Resolves when nothing is queued or being fetched (tests, and a clean stop). */
  settled(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.settled();
  }

  private async drain(): Promise<void> {
    try {
      for (let id = this.queue.shift(); id !== undefined && !this.stopped; id = this.queue.shift())
        await this.process(id);
    } finally {
      this.running -= 1;
      if (this.running === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async process(id: string): Promise<void> {
    const { rows } = await this.pool.query<{ original_source: string; content_type: string }>(
      "UPDATE devstore.files SET status = 'PROCESSING', updated_at = now() WHERE id = $1 AND status IN ('UPLOADED', 'PROCESSING') RETURNING original_source, content_type",
      [id],
    );
    const file = rows[0];
    if (!file) return;
    const outcome = await fetchSource(file.original_source, file.content_type === 'IMAGE');
    if ('code' in outcome) {
      await this.pool.query(
        "UPDATE devstore.files SET status = 'FAILED', error_code = $2, error_message = $3, updated_at = now() WHERE id = $1",
        [id, outcome.code, outcome.message],
      );
    } else {
      await this.pool.query(
        "UPDATE devstore.files SET status = 'READY', mime_type = $2, byte_size = $3, error_code = NULL, error_message = NULL, updated_at = now() WHERE id = $1",
        [id, outcome.mimeType, outcome.size],
      );
    }
  }
}

/** Downloads a source as Shopify would, answering what it is or why it could not be had. */
export async function fetchSource(url: string, image: boolean): Promise<{ mimeType: string; size: number } | Failure> {
  const downloadFailure = (reason: string): Failure => ({
    code: image ? 'IMAGE_DOWNLOAD_FAILURE' : 'GENERIC_FILE_DOWNLOAD_FAILURE',
    message: `File could not be processed because the source could not be downloaded: ${reason}.`,
  });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    const reason =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return /timeout|aborted/i.test(reason)
      ? { code: 'MEDIA_TIMEOUT_ERROR', message: 'File could not be processed because the download timed out.' }
      : downloadFailure(reason);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return downloadFailure(`HTTP ${response.status}`);
  }
  const mimeType =
    (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ??
    'application/octet-stream';
  if (image && !mimeType.startsWith('image/')) {
    await response.body?.cancel();
    return {
      code: 'UNSUPPORTED_IMAGE_FILE_TYPE',
      message: `Image could not be processed because the file type ${mimeType} is not supported.`,
    };
  }
  let size = 0;
  const reader = response.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_FILE_BYTES) {
      await reader?.cancel();
      return {
        code: image ? 'INVALID_IMAGE_FILE_SIZE' : 'GENERIC_FILE_INVALID_SIZE',
        message: 'File could not be processed because it is larger than 20 MB.',
      };
    }
  }
  return { mimeType, size };
}
