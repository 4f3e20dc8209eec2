// A batch of pages' or posts' bodies made ready for Shopify: the old site's images uploaded to
// Shopify's Files and their src rewritten (body-images.server.ts), links to what moved rewritten to its
// Shopify path (body-links.server.ts). What could not be carried over is said per record.
import { db } from '../../../db/db.server.ts';
import { bodyReferences, rewriteBody } from './body.server.ts';
import { bodyImages, oldSiteImage } from './body-images.server.ts';
import { linkResolver } from './body-links.server.ts';
import type { FoundProblem } from '../../staging/problems.server.ts';
import type { Writer } from '../../../shopify-admin/writer.server.ts';

/** The codes of what a body could not carry over; an earlier run's findings under them are replaced. */
export const BODY_PROBLEM_CODES = ['link-not-moved', 'body-image-not-moved'];

export interface PreparedBody {
  html: string;
  problems: FoundProblem[];
}

export async function prepareBodies(
  migrationId: string,
  writer: Writer,
  records: { sourceId: string; bodyHtml: string }[],
  what: 'page' | 'post',
): Promise<Map<string, PreparedBody> | 'images-processing'> {
  const { shop, sourceUrl } = await db().migration.findUniqueOrThrow({
    where: { id: migrationId },
    select: { shop: true, sourceUrl: true },
  });
  if (!sourceUrl) return new Map(records.map((record) => [record.sourceId, { html: record.bodyHtml, problems: [] }]));
  const references = records.map((record) => ({ record, ...bodyReferences(record.bodyHtml) }));
  const images = await bodyImages(
    migrationId,
    shop,
    writer,
    references.flatMap((entry) => entry.images.flatMap((src) => oldSiteImage(src, sourceUrl) ?? [])),
  );
  if (images === 'processing') return 'images-processing';
  const resolve = await linkResolver(
    migrationId,
    shop,
    writer.platform,
    sourceUrl,
    references.flatMap((entry) => entry.links),
  );

  return new Map(
    references.map(({ record }) => {
      const problems = new Map<string, FoundProblem>();
      const html = rewriteBody(record.bodyHtml, {
        image: (src) => {
          const url = oldSiteImage(src, sourceUrl);
          const outcome = url ? images.get(url) : undefined;
          if (!outcome) return null;
          if ('url' in outcome) return outcome.url;
          problems.set(`image ${src}`, {
            code: 'body-image-not-moved',
            subject: src,
            message: `The image ${src} in this ${what}: ${outcome.failed}.`,
            action: `The ${what} keeps the old address, which stops working when the old site goes; upload the picture in Shopify and put it in the ${what} by hand.`,
          });
          return null;
        },
        link: (href) => {
          const outcome = resolve(href);
          if (outcome && 'to' in outcome) return outcome.to;
          if (outcome)
            problems.set(`link ${href}`, {
              code: 'link-not-moved',
              subject: href,
              message: `This ${what} links to ${href} on the old store, which did not move to Shopify.`,
              action: 'The link is left as it was; point it at a page in Shopify, or remove it.',
            });
          return null;
        },
      });
      return [record.sourceId, { html, problems: [...problems.values()] }];
    }),
  );
}
