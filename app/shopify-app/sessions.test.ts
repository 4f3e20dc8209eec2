import { Session } from '@shopify/shopify-api';
import { describe, expect, it } from 'vitest';
import { db } from '../db/db.server.ts';
import { PrismaSessionStorage } from './sessions.server.ts';

describe('Prisma session storage', () => {
  const storage = new PrismaSessionStorage();

  it('stores and loads an online session with its user, unchanged', async () => {
    const session = new Session({
      id: 'online-1',
      shop: 'a.myshopify.com',
      state: 'st',
      isOnline: true,
      scope: 'read_products',
      accessToken: 'tok',
      expires: new Date('2030-01-01T00:00:00Z'),
    });
    session.onlineAccessInfo = {
      expires_in: 0,
      associated_user_scope: 'read_products',
      associated_user: {
        id: 42,
        first_name: 'Ada',
        last_name: 'L',
        email: 'ada@example.com',
        account_owner: true,
        locale: 'en',
        collaborator: false,
        email_verified: true,
      },
    };
    await storage.storeSession(session);
    const loaded = await storage.loadSession('online-1');
    expect(loaded?.toObject()).toEqual(session.toObject());
  });

  it('finds sessions by shop and deletes them, leaving other shops alone', async () => {
    for (const [id, shop] of [
      ['b1', 'b.myshopify.com'],
      ['b2', 'b.myshopify.com'],
      ['c1', 'c.myshopify.com'],
    ] as const) {
      await storage.storeSession(new Session({ id, shop, state: 's', isOnline: false, accessToken: `t-${id}` }));
    }
    expect((await storage.findSessionsByShop('b.myshopify.com')).map((s) => s.id).sort()).toEqual(['b1', 'b2']);
    await storage.deleteSessions(['b1', 'b2']);
    expect(await storage.findSessionsByShop('b.myshopify.com')).toEqual([]);
    expect(await storage.loadSession('c1')).toBeDefined();
    await storage.deleteSession('c1');
    expect(await storage.loadSession('c1')).toBeUndefined();
  });

  it('updates a stored session in place', async () => {
    await storage.storeSession(
      new Session({ id: 'd1', shop: 'd.myshopify.com', state: 's', isOnline: false, accessToken: 'old' }),
    );
    await storage.storeSession(
      new Session({ id: 'd1', shop: 'd.myshopify.com', state: 's', isOnline: false, accessToken: 'new' }),
    );
    expect((await storage.loadSession('d1'))?.accessToken).toBe('new');
  });

  it('keeps access and refresh tokens encrypted, bound to their shop', async () => {
    const session = new Session({
      id: 'offline_e.myshopify.com',
      shop: 'e.myshopify.com',
      state: '',
      isOnline: false,
      accessToken: 'shpat_secret',
      refreshToken: 'shprt_secret',
      expires: new Date('2030-01-01T00:00:00Z'),
      refreshTokenExpires: new Date('2030-03-01T00:00:00Z'),
    });
    await storage.storeSession(session);
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.accessToken).not.toContain('shpat_secret');
    expect(row.refreshToken).not.toContain('shprt_secret');
    expect((await storage.loadSession(session.id))?.toObject()).toEqual(session.toObject());
    // A row moved to another shop's name cannot be read as that shop's.
    await db().session.update({ where: { id: session.id }, data: { shop: 'f.myshopify.com' } });
    await expect(storage.loadSession(session.id)).rejects.toThrow(/could not be decrypted/);
  });

  it('reads a token stored before tokens were encrypted', async () => {
    await db().session.create({
      data: {
        id: 'offline_g.myshopify.com',
        shop: 'g.myshopify.com',
        state: '',
        isOnline: false,
        accessToken: 'shpat_plain',
        accountOwner: false,
      },
    });
    expect((await storage.loadSession('offline_g.myshopify.com'))?.accessToken).toBe('shpat_plain');
  });
});
