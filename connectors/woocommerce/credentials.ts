// What a merchant gives Shipyard to read their WooCommerce store: its address and a REST API key
// (WooCommerce → Settings → Advanced → REST API, Read access), and optionally a WordPress user with
// an application password (Users → Profile → Application Passwords, WordPress 5.6+): WooCommerce's
// keys do not log in to WordPress's own API, so without it drafts, private and scheduled pages and
// posts cannot be read.
import { z } from 'zod';

/** A form's empty field is no value at all. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export const WooCommerceCredentials = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'Enter your store’s address, starting with https:// (or http://)' })
      .transform((value) => value.replace(/\/+$/, '')),
    consumerKey: z
      .string()
      .trim()
      .regex(/^ck_[0-9a-f]{40}$/i, 'A consumer key starts with ck_ followed by 40 letters and digits'),
    consumerSecret: z
      .string()
      .trim()
      .regex(/^cs_[0-9a-f]{40}$/i, 'A consumer secret starts with cs_ followed by 40 letters and digits'),
    wordpressUser: optionalText,
    // WordPress shows it as six groups of four letters and digits; it ignores the spaces, and so do we.
    wordpressApplicationPassword: optionalText.pipe(
      z
        .string()
        .regex(
          /^([a-z0-9]{4} ?){5}[a-z0-9]{4}$/i,
          'An application password is 24 letters and digits, shown by WordPress in groups of four (abcd EFGH 1234 ijkl MNOP 6789)',
        )
        .transform((value) => value.replace(/ /g, ''))
        .optional(),
    ),
  })
  .superRefine((value, context) => {
    if (value.wordpressUser && !value.wordpressApplicationPassword) {
      context.addIssue({
        code: 'custom',
        path: ['wordpressApplicationPassword'],
        message: 'Enter the application password made for this WordPress user, or leave both WordPress fields empty',
      });
    }
    if (value.wordpressApplicationPassword && !value.wordpressUser) {
      context.addIssue({
        code: 'custom',
        path: ['wordpressUser'],
        message: 'Enter the WordPress username (or email address) the application password belongs to',
      });
    }
  });
export type WooCommerceCredentials = z.infer<typeof WooCommerceCredentials>;

/** The WordPress login, when the merchant gave both halves of it. */
export function wordpressLogin(credentials: WooCommerceCredentials): { user: string; password: string } | null {
  return credentials.wordpressUser && credentials.wordpressApplicationPassword
    ? { user: credentials.wordpressUser, password: credentials.wordpressApplicationPassword }
    : null;
}
