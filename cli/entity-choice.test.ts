import { describe, expect, it } from 'vitest';
import { everythingReadable } from '../app/migrations/drafts.server.ts';
import { entityChoiceLines } from './entity-choice.ts';
import { woocommerce } from '../connectors/woocommerce/platform.ts';

describe('what shipyard migrate moves without --only', () => {
  it('is everything the store has and the credentials read, as the setup page starts, with a line for each thing left out', () => {
    const available = { products: 12, collections: 3, customers: 4, orders: 0, discounts: 2, reviews: 5 };
    const chosen = everythingReadable(available);
    expect(chosen).toEqual(['collections', 'products', 'customers', 'discounts', 'reviews']);
    expect(entityChoiceLines(available, chosen, woocommerce, false)).toEqual([
      'Moving everything the store has: Collections (categories) (3), Products (12), Customers (4), Discount codes (2), Product reviews (5).',
      'Left out: Orders: the store has none.',
      'Left out: Pages: WordPress does not show them to these credentials (its REST API is closed to visitors); --wp-user and --wp-app-password with an Administrator’s or Editor’s application password open it.',
      'Left out: Blog posts: WordPress does not show them to these credentials (its REST API is closed to visitors); --wp-user and --wp-app-password with an Administrator’s or Editor’s application password open it.',
    ]);
  });

  it('says pages and posts move published only without a WordPress login', () => {
    const available = { products: 1, pages: 2, blogPosts: 3 };
    expect(entityChoiceLines(available, everythingReadable(available), woocommerce, false).at(-1)).toBe(
      'Pages and blog posts: only published ones, as a visitor sees them; --wp-user and --wp-app-password move drafts, private and scheduled ones too.',
    );
    expect(entityChoiceLines(available, everythingReadable(available), woocommerce, true).join('\n')).not.toContain(
      'only published ones',
    );
  });
});
