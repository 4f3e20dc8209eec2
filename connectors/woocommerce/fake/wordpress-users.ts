// The seeded site's WordPress users and their application passwords (WordPress 5.6+), and how
// WordPress logs a REST request in with one (wp_validate_application_password and
// wp_authenticate_application_password): HTTP Basic auth with the user's login or email and the
// password, spaces or none; only over https or on a "local" site (elsewhere WordPress ignores the
// header: the caller is a visitor). Refusals are 401s
// with WordPress's codes and messages.
import type { IncomingMessage } from 'node:http';
import type { JsonReply } from './pagination.ts';
import { wooError } from './pagination.ts';

export interface WpUser {
  id: number;
  login: string;
  email: string;
  name: string;
  role: 'administrator' | 'author';
  /** As WordPress shows it once, in groups of four. */
  applicationPassword: string;
}

/** Ingrid runs the shop (an Administrator); Lars writes for the journal (an Author). */
export const WP_USERS: WpUser[] = [
  {
    id: 1,
    login: 'ingrid',
    email: 'ingrid@atelier-nord.example',
    name: 'Ingrid Nord',
    role: 'administrator',
    applicationPassword: 'Xq7R mB2k Lp9W zT4v Nc8H sJ3d',
  },
  {
    id: 2,
    login: 'lars',
    email: 'lars@atelier-nord.example',
    name: 'Lars Berg',
    role: 'author',
    applicationPassword: 'Hd5F wQ1z Ka6M pV2r Ty9L bN4c',
  },
];

/** The capabilities of WordPress's default roles that decide what a user reads of pages and posts. */
const ROLE_CAPABILITIES: Record<WpUser['role'], string[]> = {
  administrator: [
    'read',
    'edit_posts',
    'edit_pages',
    'edit_others_posts',
    'edit_others_pages',
    'read_private_posts',
    'read_private_pages',
    'publish_posts',
    'publish_pages',
    'list_users',
  ],
  author: ['read', 'edit_posts', 'edit_published_posts', 'publish_posts', 'upload_files'],
};

export function can(user: WpUser, capability: string): boolean {
  return ROLE_CAPABILITIES[user.role].includes(capability);
}

/** Who the request logs in as: a user, WordPress's refusal, or null for a visitor. */
export function authenticatedUser(request: IncomingMessage, supported: boolean): WpUser | JsonReply | null {
  const header = request.headers.authorization;
  // wp_is_application_passwords_supported(): https, or a "local" environment; elsewhere the header is ignored.
  if (!header?.startsWith('Basic ') || !supported) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const username = decoded.slice(0, colon);
  const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(username);
  const user =
    WP_USERS.find((candidate) => candidate.login === username) ??
    (email ? WP_USERS.find((candidate) => candidate.email === username) : undefined);
  if (!user) {
    return email
      ? wooError(
          401,
          'invalid_email',
          '<strong>Error:</strong> Unknown email address. Check again or try your username.',
        )
      : wooError(
          401,
          'invalid_username',
          '<strong>Error:</strong> Unknown username. Check again or try your email address.',
        );
  }
  // Application passwords are letters and digits; WordPress drops everything else, so groups may be spaced or not.
  const given = decoded.slice(colon + 1).replace(/[^a-z\d]/gi, '');
  if (given !== user.applicationPassword.replace(/ /g, ''))
    return wooError(401, 'incorrect_password', 'The provided password is an invalid application password.');
  return user;
}

/** /wp/v2/users/me: the logged-in user, with username, email, roles and capabilities in the edit context. */
export function currentUserReply(siteUrl: string, user: WpUser | null, url: URL): JsonReply {
  if (!user) return wooError(401, 'rest_not_logged_in', 'You are not currently logged in.');
  const body: Record<string, unknown> = {
    id: user.id,
    name: user.name,
    url: '',
    description: '',
    link: `${siteUrl}/author/${user.login}/`,
    slug: user.login,
    avatar_urls: {},
  };
  if (url.searchParams.get('context') === 'edit') {
    Object.assign(body, {
      username: user.login,
      email: user.email,
      roles: [user.role],
      capabilities: Object.fromEntries(ROLE_CAPABILITIES[user.role].map((capability) => [capability, true])),
    });
  }
  return { status: 200, body };
}
