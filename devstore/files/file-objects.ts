// Files as the Admin API returns them: MediaImage for images (also a product's media), GenericFile
// otherwise, with fileStatus/status moving UPLOADED → PROCESSING → READY or FAILED.
import type { RequestContext } from '../graphql/context.ts';
import { batcher } from '../graphql/context.ts';
import { gid } from '../catalog/ids.ts';
import { cdnUrl } from './cdn.ts';

export interface FileRow {
  id: string;
  shop: string;
  product_id: string | null;
  position: number;
  content_type: string;
  alt: string;
  filename: string | null;
  original_source: string;
  status: string;
  error_code: string | null;
  error_message: string | null;
  mime_type: string | null;
  byte_size: string | null;
  created_at: Date;
  updated_at: Date;
}

export function fileGid(row: Pick<FileRow, 'id' | 'content_type'>): string {
  return gid(row.content_type === 'IMAGE' ? 'MediaImage' : 'GenericFile', row.id);
}

/** A file as the Admin API answers it; a READY file's URLs are devstore's CDN addresses (cdn.ts). */
export function fileObject(row: FileRow, context: Pick<RequestContext, 'baseUrl'>) {
  const ready = row.status === 'READY';
  const errors = row.error_code ? [{ code: row.error_code, message: row.error_message ?? '', details: null }] : [];
  const common = {
    id: fileGid(row),
    alt: row.alt,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    fileStatus: row.status,
    fileErrors: errors.map((error) => ({ __typename: 'FileError', ...error })),
    mimeType: row.mime_type,
    preview: {
      __typename: 'MediaPreviewImage',
      status: row.status,
      image: ready && row.content_type === 'IMAGE' ? imageOf(row, context.baseUrl) : null,
    },
  };
  if (row.content_type !== 'IMAGE') {
    return {
      __typename: 'GenericFile',
      ...common,
      url: ready ? cdnUrl(context.baseUrl, row) : null,
      originalFileSize: row.byte_size === null ? null : Number(row.byte_size),
    };
  }
  return {
    __typename: 'MediaImage',
    ...common,
    mediaContentType: 'IMAGE',
    status: row.status,
    mediaErrors: errors.map((error) => ({ __typename: 'MediaError', ...error })),
    mediaWarnings: [],
    image: ready ? imageOf(row, context.baseUrl) : null,
    originalSource: {
      __typename: 'MediaImageOriginalSource',
      url: row.original_source,
      fileSize: row.byte_size === null ? null : Number(row.byte_size),
    },
  };
}

/** A READY image's URL is on the CDN, not its source (which stays in originalSource.url). */
function imageOf(row: FileRow, baseUrl: string) {
  return {
    __typename: 'Image',
    id: gid('ImageSource', row.id),
    url: cdnUrl(baseUrl, row),
    altText: row.alt,
    width: null,
    height: null,
  };
}

export function mediaOfProduct(context: RequestContext, productId: string): Promise<FileRow[]> {
  return batcher<string, FileRow[]>(
    context,
    'productMedia',
    async (ids) => {
      const { rows } = await context.pool.query<FileRow>(
        'SELECT * FROM devstore.files WHERE product_id = ANY($1::bigint[]) ORDER BY product_id, position, id',
        [ids],
      );
      const found = new Map<string, FileRow[]>();
      for (const row of rows) found.set(String(row.product_id), [...(found.get(String(row.product_id)) ?? []), row]);
      return found;
    },
    [],
  ).get(productId);
}
