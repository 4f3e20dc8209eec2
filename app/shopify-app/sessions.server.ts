// Shopify session storage on Shipyard's Prisma client. Shopify's own Prisma adapter pins Prisma 6,
// which cannot run here without its downloaded engines (docs/decisions/0002-offline-migrations.md).
// Access and refresh tokens are stored encrypted, as Shopify asks of refresh tokens
// (docs/decisions/0018-expiring-offline-tokens.md).
import { Session } from '@shopify/shopify-api';
import { decryptCredentials, encryptCredentials } from '../db/credentials.server.ts';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import { db } from '../db/db.server.ts';
import type { Session as SessionRow } from '../generated/prisma/client.ts';

export class PrismaSessionStorage implements SessionStorage {
  async storeSession(session: Session): Promise<boolean> {
    const row = toRow(session);
    await db().session.upsert({ where: { id: session.id }, create: row, update: row });
    return true;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const row = await db().session.findUnique({ where: { id } });
    return row ? toSession(row) : undefined;
  }

  async deleteSession(id: string): Promise<boolean> {
    await db().session.deleteMany({ where: { id } });
    return true;
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    await db().session.deleteMany({ where: { id: { in: ids } } });
    return true;
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const rows = await db().session.findMany({ where: { shop } });
    return rows.map(toSession);
  }
}

function toRow(session: Session): SessionRow {
  const user = session.onlineAccessInfo?.associated_user;
  return {
    id: session.id,
    shop: session.shop,
    state: session.state,
    isOnline: session.isOnline,
    scope: session.scope ?? null,
    expires: session.expires ?? null,
    accessToken: seal(session.shop, session.accessToken ?? ''),
    userId: user?.id === undefined ? null : BigInt(user.id),
    firstName: user?.first_name ?? null,
    lastName: user?.last_name ?? null,
    email: user?.email ?? null,
    accountOwner: user?.account_owner ?? false,
    locale: user?.locale ?? null,
    collaborator: user?.collaborator ?? false,
    emailVerified: user?.email_verified ?? false,
    refreshToken: session.refreshToken ? seal(session.shop, session.refreshToken) : null,
    refreshTokenExpires: session.refreshTokenExpires ?? null,
  };
}

function toSession(row: SessionRow): Session {
  const session = new Session({
    id: row.id,
    shop: row.shop,
    state: row.state,
    isOnline: row.isOnline,
    scope: row.scope ?? undefined,
    expires: row.expires ?? undefined,
    accessToken: unseal(row.shop, row.accessToken),
    refreshToken: row.refreshToken ? unseal(row.shop, row.refreshToken) : undefined,
    refreshTokenExpires: row.refreshTokenExpires ?? undefined,
  });
  if (row.userId !== null) {
    session.onlineAccessInfo = {
      expires_in: 0,
      associated_user_scope: row.scope ?? '',
      associated_user: {
        id: Number(row.userId),
        first_name: row.firstName ?? '',
        last_name: row.lastName ?? '',
        email: row.email ?? '',
        account_owner: row.accountOwner,
        locale: row.locale ?? '',
        collaborator: row.collaborator ?? false,
        email_verified: row.emailVerified ?? false,
      },
    };
  }
  return session;
}

/** A token as stored: AES-256-GCM under the app's encryption key, bound to its shop. */
function seal(shop: string, token: string): string {
  return token ? encryptCredentials(shop, token) : '';
}

/** Rows stored before tokens were encrypted hold them as they came; they are sealed at the next store. */
function unseal(shop: string, stored: string): string {
  return stored.startsWith('v1.') ? String(decryptCredentials(shop, stored)) : stored;
}
