import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const CREATE = `mutation($discount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $discount) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic {
      title status summary codes(first: 1) { nodes { code } }
      customerGets { value { ... on DiscountPercentage { percentage } ... on DiscountAmount { amount { amount } appliesOnEachItem } } items { ... on AllDiscountItems { allItems } } }
      minimumRequirement { ... on DiscountMinimumSubtotal { greaterThanOrEqualToSubtotal { amount } } }
    } } }
    userErrors { field message code }
  }
}`;

const tenPercent = { title: 'Spring sale', code: 'SPRING10', startsAt: '2024-01-01T00:00:00Z', context: { all: 'ALL' }, customerGets: { value: { percentage: 0.1 }, items: { all: true } }, minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '50.00' } } };

describe('discountCodeBasicCreate', () => {
  it('creates a percentage code on the entire order with a minimum subtotal', async () => {
    const { body } = await admin(devstore, shop, CREATE, { discount: tenPercent });
    expect(body.data.discountCodeBasicCreate.userErrors).toEqual([]);
    expect(body.data.discountCodeBasicCreate.codeDiscountNode.codeDiscount).toEqual({
      title: 'Spring sale',
      status: 'ACTIVE',
      summary: '10% off entire order',
      codes: { nodes: [{ code: 'SPRING10' }] },
      customerGets: { value: { percentage: 0.1 }, items: { allItems: true } },
      minimumRequirement: { greaterThanOrEqualToSubtotal: { amount: '50.00' } },
    });
    const found = await admin(devstore, shop, '{ codeDiscountNodeByCode(code: "spring10") { id } }');
    expect(found.body.data.codeDiscountNodeByCode.id).toBe(body.data.discountCodeBasicCreate.codeDiscountNode.id);
  });

  it('refuses a code already in use (any case), an end before the start, and a percentage over 100%', async () => {
    const taken = await admin(devstore, shop, CREATE, { discount: { ...tenPercent, code: 'spring10' } });
    expect(taken.body.data.discountCodeBasicCreate.userErrors).toEqual([{ field: ['basicCodeDiscount', 'code'], message: 'Code must be unique. Please try a different code.', code: 'TAKEN' }]);
    const backwards = await admin(devstore, shop, CREATE, { discount: { ...tenPercent, code: 'BACK', endsAt: '2023-01-01T00:00:00Z' } });
    expect(backwards.body.data.discountCodeBasicCreate.userErrors[0].code).toBe('END_DATE_BEFORE_START_DATE');
    const tooMuch = await admin(devstore, shop, CREATE, { discount: { ...tenPercent, code: 'FREE', customerGets: { value: { percentage: 1.5 }, items: { all: true } } } });
    expect(tooMuch.body.data.discountCodeBasicCreate.userErrors[0].code).toBe('VALUE_OUTSIDE_RANGE');
  });

  it('updates the amount and deletes the code', async () => {
    const created = await admin(devstore, shop, CREATE, { discount: { ...tenPercent, code: 'FIVEOFF', customerGets: { value: { discountAmount: { amount: '5.00', appliesOnEachItem: false } }, items: { all: true } } } });
    const id = created.body.data.discountCodeBasicCreate.codeDiscountNode.id;
    const updated = await admin(devstore, shop, 'mutation($id: ID!) { discountCodeBasicUpdate(id: $id, basicCodeDiscount: { customerGets: { value: { discountAmount: { amount: "7.50", appliesOnEachItem: false } } } }) { codeDiscountNode { codeDiscount { ... on DiscountCodeBasic { customerGets { value { ... on DiscountAmount { amount { amount } } } } } } } userErrors { code } } }', { id });
    expect(updated.body.data.discountCodeBasicUpdate).toEqual({ codeDiscountNode: { codeDiscount: { customerGets: { value: { amount: { amount: '7.50' } } } } }, userErrors: [] });
    const deleted = await admin(devstore, shop, 'mutation($id: ID!) { discountCodeDelete(id: $id) { deletedCodeDiscountId userErrors { code } } }', { id });
    expect(deleted.body.data.discountCodeDelete).toEqual({ deletedCodeDiscountId: id, userErrors: [] });
  });
});
