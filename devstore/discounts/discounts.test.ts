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

const tenPercent = {
  title: 'Spring sale',
  code: 'SPRING10',
  startsAt: '2024-01-01T00:00:00Z',
  context: { all: 'ALL' },
  customerGets: { value: { percentage: 0.1 }, items: { all: true } },
  minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '50.00' } },
};

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
      minimumRequirement: { greaterThanOrEqualToSubtotal: { amount: '50.0' } },
    });
    const found = await admin(devstore, shop, '{ codeDiscountNodeByCode(code: "spring10") { id } }');
    expect(found.body.data.codeDiscountNodeByCode.id).toBe(body.data.discountCodeBasicCreate.codeDiscountNode.id);
  });

  it('refuses a code already in use (any case), an end before the start, and a percentage over 100%', async () => {
    const taken = await admin(devstore, shop, CREATE, { discount: { ...tenPercent, code: 'spring10' } });
    expect(taken.body.data.discountCodeBasicCreate.userErrors).toEqual([
      {
        field: ['basicCodeDiscount', 'code'],
        message: 'Code must be unique. Please try a different code.',
        code: 'TAKEN',
      },
    ]);
    const backwards = await admin(devstore, shop, CREATE, {
      discount: { ...tenPercent, code: 'BACK', endsAt: '2023-01-01T00:00:00Z' },
    });
    expect(backwards.body.data.discountCodeBasicCreate.userErrors[0].code).toBe('END_DATE_BEFORE_START_DATE');
    const tooMuch = await admin(devstore, shop, CREATE, {
      discount: { ...tenPercent, code: 'FREE', customerGets: { value: { percentage: 1.5 }, items: { all: true } } },
    });
    expect(tooMuch.body.data.discountCodeBasicCreate.userErrors[0].code).toBe('VALUE_OUTSIDE_RANGE');
  });

  it('updates the amount and deletes the code', async () => {
    const created = await admin(devstore, shop, CREATE, {
      discount: {
        ...tenPercent,
        code: 'FIVEOFF',
        customerGets: { value: { discountAmount: { amount: '5.00', appliesOnEachItem: false } }, items: { all: true } },
      },
    });
    const id = created.body.data.discountCodeBasicCreate.codeDiscountNode.id;
    const updated = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { discountCodeBasicUpdate(id: $id, basicCodeDiscount: { customerGets: { value: { discountAmount: { amount: "7.50", appliesOnEachItem: false } } } }) { codeDiscountNode { codeDiscount { ... on DiscountCodeBasic { customerGets { value { ... on DiscountAmount { amount { amount } } } } } } } userErrors { code } } }',
      { id },
    );
    expect(updated.body.data.discountCodeBasicUpdate).toEqual({
      codeDiscountNode: { codeDiscount: { customerGets: { value: { amount: { amount: '7.5' } } } } },
      userErrors: [],
    });
    const deleted = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { discountCodeDelete(id: $id) { deletedCodeDiscountId userErrors { code } } }',
      { id },
    );
    expect(deleted.body.data.discountCodeDelete).toEqual({ deletedCodeDiscountId: id, userErrors: [] });
  });
});

const FREE_SHIPPING = `mutation($discount: DiscountCodeFreeShippingInput!) {
  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $discount) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeFreeShipping {
      title status shortSummary tags usageLimit appliesOncePerCustomer endsAt codes(first: 1) { nodes { code } }
      destinationSelection { ... on DiscountCountryAll { allCountries } ... on DiscountCountries { countries includeRestOfWorld } }
      maximumShippingPrice { amount }
      minimumRequirement { ... on DiscountMinimumSubtotal { greaterThanOrEqualToSubtotal { amount } } }
      combinesWith { orderDiscounts productDiscounts shippingDiscounts }
    } } }
    userErrors { field message code }
  }
}`;

const shipFree = {
  title: 'shipfree',
  code: 'SHIPFREE',
  startsAt: '2024-01-01T00:00:00Z',
  endsAt: '2099-01-01T00:00:00Z',
  usageLimit: 50,
  appliesOncePerCustomer: true,
  tags: ['shipyard', 'woocommerce:7008'],
  combinesWith: { orderDiscounts: true, productDiscounts: true },
  destination: { all: true },
  minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '30.00' } },
};

describe('code discounts for chosen customers', () => {
  // A shop of its own, so the codes here do not show up in the other shop's listings.
  let own: TestShop;
  beforeAll(async () => {
    own = await createShop(devstore);
  });
  const WHO = `context { __typename ... on DiscountCustomers { customers { id email } } ... on DiscountBuyerSelectionAll { all } }
    customerSelection { __typename ... on DiscountCustomers { customers { id } } ... on DiscountCustomerAll { allCustomers } }`;
  const customer = async (email: string) => {
    const { body } = await admin(
      devstore,
      own,
      'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id } userErrors { message } } }',
      { input: { email } },
    );
    return body.data.customerSet.customer.id as string;
  };
  const who = async (id: string) =>
    (
      await admin(
        devstore,
        own,
        `query($id: ID!) { codeDiscountNode(id: $id) { codeDiscount { ... on DiscountCodeBasic { ${WHO} } } } }`,
        { id },
      )
    ).body.data.codeDiscountNode.codeDiscount;

  it('limits a code to the customers added, changes them on update, and drops a deleted customer', async () => {
    const [ada, ben] = [await customer('ada@example.com'), await customer('ben@example.com')];
    const created = await admin(
      devstore,
      own,
      `mutation($discount: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $discount) { codeDiscountNode { id } userErrors { field message code } } }`,
      {
        discount: { ...tenPercent, code: 'VIPS', context: { customers: { add: [ada] } } },
      },
    );
    expect(created.body.data.discountCodeBasicCreate.userErrors).toEqual([]);
    const id = created.body.data.discountCodeBasicCreate.codeDiscountNode.id;
    expect(await who(id)).toEqual({
      context: { __typename: 'DiscountCustomers', customers: [{ id: ada, email: 'ada@example.com' }] },
      customerSelection: { __typename: 'DiscountCustomers', customers: [{ id: ada }] },
    });

    const update = (discount: object) =>
      admin(
        devstore,
        own,
        'mutation($id: ID!, $discount: DiscountCodeBasicInput!) { discountCodeBasicUpdate(id: $id, basicCodeDiscount: $discount) { userErrors { field message code } } }',
        { id, discount },
      );
    expect(
      (await update({ context: { customers: { add: [ben], remove: [ada] } } })).body.data.discountCodeBasicUpdate
        .userErrors,
    ).toEqual([]);
    expect((await who(id)).context.customers).toEqual([{ id: ben, email: 'ben@example.com' }]);
    // An update that says nothing about buyers keeps them.
    await update({ title: 'VIPs only' });
    expect((await who(id)).context.customers).toEqual([{ id: ben, email: 'ben@example.com' }]);

    await admin(
      devstore,
      own,
      'mutation($input: CustomerDeleteInput!) { customerDelete(input: $input) { userErrors { message } } }',
      { input: { id: ben } },
    );
    expect((await who(id)).context).toEqual({ __typename: 'DiscountCustomers', customers: [] });
    expect((await update({ context: { all: 'ALL' } })).body.data.discountCodeBasicUpdate.userErrors).toEqual([]);
    expect(await who(id)).toEqual({
      context: { __typename: 'DiscountBuyerSelectionAll', all: 'ALL' },
      customerSelection: { __typename: 'DiscountCustomerAll', allCustomers: true },
    });
  });

  it('refuses a customer the shop does not have, and an empty list', async () => {
    const create = (context: object) =>
      admin(
        devstore,
        own,
        'mutation($discount: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $discount) { codeDiscountNode { id } userErrors { field message code } } }',
        { discount: { ...tenPercent, code: `NOBODY${Math.random()}`, context } },
      );
    const unknown = await create({ customers: { add: ['gid://shopify/Customer/999999'] } });
    expect(unknown.body.data.discountCodeBasicCreate).toEqual({
      codeDiscountNode: null,
      userErrors: [
        {
          field: ['basicCodeDiscount', 'context', 'customers', 'add'],
          message: 'Customer does not exist',
          code: 'INVALID',
        },
        {
          field: ['basicCodeDiscount', 'context', 'customers'],
          message: 'At least one customer must be given',
          code: 'BLANK',
        },
      ],
    });
    const empty = await create({ customers: { add: [] } });
    expect(empty.body.data.discountCodeBasicCreate.userErrors).toEqual([
      {
        field: ['basicCodeDiscount', 'context', 'customers'],
        message: 'At least one customer must be given',
        code: 'BLANK',
      },
    ]);
  });
});

describe('discountCodeFreeShippingCreate', () => {
  it('creates a free shipping code for all countries with its limits, minimum, tags and combinations', async () => {
    const { body } = await admin(devstore, shop, FREE_SHIPPING, { discount: shipFree });
    expect(body.data.discountCodeFreeShippingCreate.userErrors).toEqual([]);
    expect(body.data.discountCodeFreeShippingCreate.codeDiscountNode.codeDiscount).toEqual({
      title: 'shipfree',
      status: 'ACTIVE',
      shortSummary: 'Free shipping',
      tags: ['shipyard', 'woocommerce:7008'],
      usageLimit: 50,
      appliesOncePerCustomer: true,
      endsAt: '2099-01-01T00:00:00.000Z',
      codes: { nodes: [{ code: 'SHIPFREE' }] },
      destinationSelection: { allCountries: true },
      maximumShippingPrice: null,
      minimumRequirement: { greaterThanOrEqualToSubtotal: { amount: '30.0' } },
      combinesWith: { orderDiscounts: true, productDiscounts: true, shippingDiscounts: false },
    });
  });

  it('refuses to combine with shipping discounts, since a shipping discount cannot', async () => {
    const { body } = await admin(devstore, shop, FREE_SHIPPING, {
      discount: { ...shipFree, code: 'SHIPBOTH', combinesWith: { orderDiscounts: true, shippingDiscounts: true } },
    });
    expect(body.data.discountCodeFreeShippingCreate).toEqual({
      codeDiscountNode: null,
      userErrors: [
        {
          field: ['freeShippingCodeDiscount', 'combinesWith', 'shippingDiscounts'],
          message: 'The combinesWith settings are invalid for the discount class.',
          code: 'INVALID_COMBINES_WITH_FOR_DISCOUNT_CLASS',
        },
      ],
    });
  });

  it('shares codes with basic discounts, and refuses a usage limit of 0', async () => {
    const taken = await admin(devstore, shop, FREE_SHIPPING, { discount: { ...shipFree, code: 'spring10' } });
    expect(taken.body.data.discountCodeFreeShippingCreate.userErrors).toEqual([
      {
        field: ['freeShippingCodeDiscount', 'code'],
        message: 'Code must be unique. Please try a different code.',
        code: 'TAKEN',
      },
    ]);
    const basicTaken = await admin(devstore, shop, CREATE, { discount: { ...tenPercent, code: 'shipfree' } });
    expect(basicTaken.body.data.discountCodeBasicCreate.userErrors[0].code).toBe('TAKEN');
    const noUses = await admin(devstore, shop, FREE_SHIPPING, {
      discount: { ...shipFree, code: 'NOUSES', usageLimit: 0 },
    });
    expect(noUses.body.data.discountCodeFreeShippingCreate.userErrors).toEqual([
      {
        field: ['freeShippingCodeDiscount', 'usageLimit'],
        message: 'Usage limit must be greater than 0',
        code: 'GREATER_THAN',
      },
    ]);
  });

  it('updates through its own mutation only, and is found by code', async () => {
    const found = await admin(
      devstore,
      shop,
      '{ codeDiscountNodeByCode(code: "shipfree") { id codeDiscount { __typename } } }',
    );
    const { id, codeDiscount } = found.body.data.codeDiscountNodeByCode;
    expect(codeDiscount).toEqual({ __typename: 'DiscountCodeFreeShipping' });
    const updated = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { discountCodeFreeShippingUpdate(id: $id, freeShippingCodeDiscount: { usageLimit: 10, destination: { countries: { add: [DE, AT] } }, maximumShippingPrice: "9.90" }) { codeDiscountNode { codeDiscount { ... on DiscountCodeFreeShipping { usageLimit maximumShippingPrice { amount } destinationSelection { ... on DiscountCountries { countries } } } } } userErrors { code } } }',
      { id },
    );
    expect(updated.body.data.discountCodeFreeShippingUpdate).toEqual({
      codeDiscountNode: {
        codeDiscount: {
          usageLimit: 10,
          maximumShippingPrice: { amount: '9.9' },
          destinationSelection: { countries: ['DE', 'AT'] },
        },
      },
      userErrors: [],
    });
    const wrongKind = await admin(
      devstore,
      shop,
      'mutation($id: ID!) { discountCodeBasicUpdate(id: $id, basicCodeDiscount: { usageLimit: 3 }) { userErrors { field code } } }',
      { id },
    );
    expect(wrongKind.body.data.discountCodeBasicUpdate.userErrors).toEqual([{ field: ['id'], code: 'INVALID' }]);
  });
});

describe('codeDiscountNodes', () => {
  it('lists the shop’s code discounts of every kind, page by page', async () => {
    const first = await admin(
      devstore,
      shop,
      '{ codeDiscountNodes(first: 1) { nodes { codeDiscount { __typename ... on DiscountCodeBasic { title } } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.body.data.codeDiscountNodes.nodes).toEqual([
      { codeDiscount: { __typename: 'DiscountCodeBasic', title: 'Spring sale' } },
    ]);
    expect(first.body.data.codeDiscountNodes.pageInfo.hasNextPage).toBe(true);
    const rest = await admin(
      devstore,
      shop,
      'query($after: String) { codeDiscountNodes(first: 10, after: $after) { nodes { codeDiscount { __typename } } } }',
      { after: first.body.data.codeDiscountNodes.pageInfo.endCursor },
    );
    expect(rest.body.data.codeDiscountNodes.nodes).toEqual([
      { codeDiscount: { __typename: 'DiscountCodeFreeShipping' } },
    ]);
  });
});

describe('a code’s products, added and removed over updates', () => {
  const PRODUCT = `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } userErrors { message } } }`;
  const UPDATE = `mutation($id: ID!, $discount: DiscountCodeBasicInput!) {
    discountCodeBasicUpdate(id: $id, basicCodeDiscount: $discount) {
      codeDiscountNode { codeDiscount { ... on DiscountCodeBasic { customerGets { items { ... on DiscountProducts { products(first: 10) { nodes { id } } } ... on AllDiscountItems { allItems } } } } } }
      userErrors { field message code }
    }
  }`;

  it('adds to and removes from the products it has, as DiscountProductsInput says, refuses a product the shop lacks and a code left with none', async () => {
    const ids: string[] = [];
    for (const title of ['Mug', 'Plate', 'Bowl']) {
      const { body } = await admin(devstore, shop, PRODUCT, {
        input: {
          title,
          productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
          variants: [{ optionValues: [{ optionName: 'Title', name: 'Default Title' }], price: '5.00' }],
        },
      });
      ids.push(body.data.productSet.product.id);
    }
    const [mug, plate, bowl] = ids;
    const created = await admin(devstore, shop, CREATE, {
      discount: {
        ...tenPercent,
        code: 'KITCHEN',
        customerGets: { value: { percentage: 0.1 }, items: { products: { productsToAdd: [mug, plate] } } },
      },
    });
    expect(created.body.data.discountCodeBasicCreate.userErrors).toEqual([]);
    const id = created.body.data.discountCodeBasicCreate.codeDiscountNode.id;
    const update = async (products: Record<string, string[]>) =>
      (await admin(devstore, shop, UPDATE, { id, discount: { customerGets: { items: { products } } } })).body.data
        .discountCodeBasicUpdate;
    const changed = await update({ productsToAdd: [bowl as string], productsToRemove: [mug as string] });
    expect(changed.userErrors).toEqual([]);
    expect(
      changed.codeDiscountNode.codeDiscount.customerGets.items.products.nodes
        .map((node: { id: string }) => node.id)
        .sort(),
    ).toEqual([plate, bowl].sort());
    const unknown = await update({ productsToAdd: ['gid://shopify/Product/999999999'] });
    expect(unknown.userErrors).toEqual([
      {
        field: ['basicCodeDiscount', 'customerGets', 'items', 'products', 'productsToAdd'],
        message: 'Product does not exist',
        code: 'INVALID',
      },
    ]);
    const emptied = await update({ productsToRemove: [plate as string, bowl as string] });
    expect(emptied.userErrors).toEqual([
      {
        field: ['basicCodeDiscount', 'customerGets', 'items'],
        message: 'The discount must apply to something',
        code: 'APPLIES_ON_NOTHING',
      },
    ]);
  });
});
