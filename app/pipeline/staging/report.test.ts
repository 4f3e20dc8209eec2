import { describe, expect, it } from 'vitest';
import { db } from '../../db/db.server.ts';
import { csvField, reportCsv } from './report.server.ts';

describe('migration report', () => {
  it('lists every record that did not move, with its reason, as CSV', async () => {
    const shop = 'report.myshopify.com';
    const { id: migrationId } = await db().migration.create({ data: { shop, sourcePlatform: 'woocommerce' } });
    await db().sourceRecord.createMany({
      data: [
        { shop, migrationId, entity: 'products', sourceId: '1', status: 'written', data: { title: 'Fine mug' } },
        {
          shop,
          migrationId,
          entity: 'products',
          sourceId: '2',
          status: 'failed',
          reason: 'variants.0.price: Price must be greater than or equal to 0',
          data: { title: 'Mug, "large"' },
        },
        {
          shop,
          migrationId,
          entity: 'products',
          sourceId: '3',
          status: 'invalid',
          reason: 'regular_price "12,50" is not a number',
          data: { raw: { name: '=HYPERLINK("http://evil")' } },
        },
        {
          shop,
          migrationId,
          entity: 'customers',
          sourceId: '9',
          status: 'skipped',
          reason: 'exists in Shopify already',
          data: { email: 'ada@example.com' },
        },
        {
          shop,
          migrationId,
          entity: 'blogPosts',
          sourceId: '10',
          status: 'invalid',
          reason: 'the post has no title',
          data: { raw: { title: { rendered: 'Spring &amp; summer notes' }, slug: 'spring-notes' } },
        },
      ],
    });
    const bytes = new Uint8Array(await new Response(reportCsv(migrationId)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark for spreadsheets
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual([
      'Severity,What,Source id,Name,Status,Reason,What Shipyard did or you can do',
      'not moved,products,2,"Mug, ""large""",Shopify refused it,variants.0.price: Price must be greater than or equal to 0,',
      `not moved,products,3,"'=HYPERLINK(""http://evil"")",Could not be read,"regular_price ""12,50"" is not a number",`,
      'not moved,customers,9,ada@example.com,Skipped,exists in Shopify already,',
      'not moved,blogPosts,10,Spring & summer notes,Could not be read,the post has no title,',
      '',
    ]);
  });

  it('adds the warnings the review page shows, with their severity: problems on records that moved, store-wide ones, and records that moved with a change', async () => {
    const shop = 'report-warnings.myshopify.com';
    const { id: migrationId } = await db().migration.create({ data: { shop, sourcePlatform: 'woocommerce' } });
    await db().sourceRecord.createMany({
      data: [
        {
          shop,
          migrationId,
          entity: 'customers',
          sourceId: '1',
          status: 'written',
          data: { email: 'ada@example.com' },
        },
        {
          shop,
          migrationId,
          entity: 'discounts',
          sourceId: '2',
          status: 'skipped',
          reason: 'Used up on the old store',
          data: { code: 'SPRING' },
        },
        {
          shop,
          migrationId,
          entity: 'orders',
          sourceId: '3',
          status: 'written',
          reason: 'The note was cut to 5,000 characters.',
          data: { number: '1003' },
        },
      ],
    });
    await db().migrationProblem.createMany({
      data: [
        {
          shop,
          migrationId,
          entity: 'customers',
          sourceId: '1',
          code: 'customer-phone-invalid',
          message: 'Ada’s phone “12” is not a phone number.',
          action: 'Moved without the phone.',
        },
        // About a record that did not move: its own row already says why.
        {
          shop,
          migrationId,
          entity: 'discounts',
          sourceId: '2',
          code: 'discount-limit-changed',
          message: 'SPRING was used 5 times.',
          action: 'Kept back.',
        },
        {
          shop,
          migrationId,
          entity: 'pages',
          sourceId: null,
          code: 'a-code-from-tomorrow',
          message: 'Something about pages.',
          action: 'Look at them.',
        },
      ],
    });
    const text = new TextDecoder().decode(
      new Uint8Array(await new Response(reportCsv(migrationId)).arrayBuffer()).slice(3),
    );
    expect(text.split('\r\n')).toEqual([
      'Severity,What,Source id,Name,Status,Reason,What Shipyard did or you can do',
      'not moved,discounts,2,SPRING,Skipped,Used up on the old store,',
      'warning,customers,1,ada@example.com,Customers with a phone number that is not valid,Ada’s phone “12” is not a phone number.,Moved without the phone.',
      'warning,pages,,,A code from tomorrow,Something about pages.,Look at them.',
      'warning,orders,3,1003,Moved with a change,"The note was cut to 5,000 characters.",',
      '',
    ]);
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('plain')).toBe('plain');
  });
});
