import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { adminSchema } from '../../../devstore/schema.ts';
import { DELETERS, gidType } from './deleters.server.ts';

describe('undo deleters', () => {
  it('are valid operations on the pinned Admin schema', () => {
    for (const [type, deleter] of Object.entries(DELETERS)) {
      expect(validate(adminSchema(), parse(deleter.mutation)).map((error) => `${type}: ${error.message}`)).toEqual([]);
    }
  });

  it('choose by the GID type', () => {
    expect(gidType('gid://shopify/Product/12')).toBe('Product');
    expect(gidType('gid://shopify/DiscountCodeNode/3')).toBe('DiscountCodeNode');
    expect(gidType('not a gid')).toBeNull();
  });
});
