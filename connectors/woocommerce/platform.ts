// WooCommerce as Shipyard's admin, report and command line know it: the connection form (a REST API
// key, and optionally a WordPress application password), what the connector cannot read without the
// latter, the order statuses WooCommerce's admin lists and what each means in Shopify by default.
import { decodeEntities } from './text.ts';
import { WooCommerceCredentials } from './credentials.ts';
import type { ReadablePlatform } from '../platform.ts';

const WORDPRESS_VISITOR =
  'WooCommerce’s API keys do not log in to WordPress’s own API, and no WordPress application password was given, so Shipyard reads what a visitor sees';
const WORDPRESS_CLOSED =
  'WordPress does not show them to these credentials (its REST API is closed to visitors); --wp-user and --wp-app-password with an Administrator’s or Editor’s application password open it';

export const woocommerce: ReadablePlatform = {
  id: 'woocommerce',
  label: 'WooCommerce',
  description:
    'Products, customers, orders, coupons and reviews through the WooCommerce REST API; pages and posts through WordPress.',
  availability: 'available',
  connection: 'api-keys',
  limits: {
    pages: `Only published pages are read: ${WORDPRESS_VISITOR}. Drafts, private and password-protected pages stay in WordPress.`,
    blogPosts: `Only published blog posts are read: ${WORDPRESS_VISITOR}. Drafts, scheduled, private and password-protected posts stay in WordPress.`,
  },
  // With it, drafts, private, scheduled and protected items are read too (credentials.ts).
  limitsLiftedBy: 'wordpressApplicationPassword',
  credentials: WooCommerceCredentials,
  fields: [
    {
      name: 'url',
      label: 'Store address',
      type: 'url',
      placeholder: 'https://your-store.com',
      helpText: 'The address shoppers visit, starting with https://',
      flag: 'url',
      flagValue: '<store URL>',
      missing: '--url must be the store address, such as https://old-store.example.com',
    },
    {
      name: 'consumerKey',
      label: 'Consumer key',
      type: 'text',
      placeholder: 'ck_…',
      monospaced: true,
      flag: 'key',
      flagValue: '<consumer key>',
      missing: '--key is required (the REST API consumer key, ck_…)',
    },
    {
      name: 'consumerSecret',
      label: 'Consumer secret',
      type: 'password',
      placeholder: 'cs_…',
      helpText: 'Stored encrypted, used only to read your store.',
      monospaced: true,
      flag: 'secret',
      flagValue: '<consumer secret>',
      missing: '--secret is required (the REST API consumer secret, cs_…)',
    },
    {
      name: 'wordpressUser',
      label: 'WordPress username',
      type: 'text',
      helpText: 'The name you log in to WordPress with, or your email address.',
      flag: 'wp-user',
      flagValue: '<WordPress user>',
      group: 'wordpress',
    },
    {
      name: 'wordpressApplicationPassword',
      label: 'Application password',
      type: 'password',
      placeholder: 'abcd EFGH 1234 ijkl MNOP 6789',
      helpText:
        'Not your WordPress login password. Stored encrypted, used only to read pages and posts; revoke it in WordPress after the move.',
      monospaced: true,
      flag: 'wp-app-password',
      flagValue: '<application password>',
      group: 'wordpress',
    },
  ],
  groups: [
    {
      id: 'wordpress',
      heading: 'WordPress pages and posts (optional)',
      help: 'Without these, only published pages and blog posts move. To move drafts, private pages and scheduled posts too, create an application password in WordPress under Users → Profile → Application Passwords (WordPress 5.6 or later) for an Administrator or Editor, and enter it here.',
      flagHelp: [
        'a WordPress Administrator or Editor and an application password made for them (WordPress →',
        'Users → Profile → Application Passwords): pages and posts then move with their drafts,',
        'private and scheduled ones (hidden, or at their date); without them only published ones',
      ].join('\n'),
    },
  ],
  help: {
    heading: 'Where to find the keys',
    steps: [
      'In WordPress, open WooCommerce → Settings → Advanced → REST API.',
      'Choose Add key, give it a description such as “Shipyard”, and set Permissions to Read.',
      'Choose Generate API key, then copy the consumer key and secret here.',
    ],
    note: 'Shipyard only reads from your store; nothing there is changed.',
  },
  problemField: {
    unreachable: 'url',
    'not-the-platform': 'url',
    'api-disabled': 'url',
    'wrong-credentials': 'consumerKey',
    forbidden: 'consumerKey',
  },
  sourceAddress: (credentials) => String(credentials.url),
  orderStatuses: [
    { status: 'pending', label: 'Pending payment', target: { financialStatus: 'PENDING', fulfillmentStatus: null } },
    { status: 'on-hold', label: 'On hold', target: { financialStatus: 'PENDING', fulfillmentStatus: null } },
    { status: 'processing', label: 'Processing', target: { financialStatus: 'PAID', fulfillmentStatus: null } },
    { status: 'completed', label: 'Completed', target: { financialStatus: 'PAID', fulfillmentStatus: 'FULFILLED' } },
    { status: 'cancelled', label: 'Cancelled', target: { financialStatus: 'VOIDED', fulfillmentStatus: null } },
    { status: 'refunded', label: 'Refunded', target: { financialStatus: 'REFUNDED', fulfillmentStatus: null } },
    { status: 'failed', label: 'Failed', target: { financialStatus: 'VOIDED', fulfillmentStatus: null } },
    { status: 'checkout-draft', label: 'Draft', target: { financialStatus: 'PENDING', fulfillmentStatus: null } },
  ],
  // A product comes with its variations ({ product, variations }); WordPress sends a title as
  // { rendered }, HTML-escaped, and a post without one still has its slug.
  rawNames: {
    paths: [['name'], ['product', 'name'], ['title'], ['title', 'rendered'], ['slug']],
    decode: decodeEntities,
  },
  unreadableHelp: { pages: WORDPRESS_CLOSED, blogPosts: WORDPRESS_CLOSED },
  limitsHelp:
    'Pages and blog posts: only published ones, as a visitor sees them; --wp-user and --wp-app-password move drafts, private and scheduled ones too.',
};
