import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devstore } from '../server.ts';
import { admin, control, createShop, startTestDevstore, type TestShop } from '../testing.ts';

let devstore: Devstore;
let shop: TestShop;

beforeAll(async () => {
  devstore = await startTestDevstore();
  shop = await createShop(devstore);
});
afterAll(() => devstore.stop());

const INVITE = `mutation Invite($customerId: ID!, $email: EmailInput) {
  customerSendAccountInviteEmail(customerId: $customerId, email: $email) {
    customer { id state }
    userErrors { field message code }
  }
}`;

async function newCustomer(input: Record<string, unknown>): Promise<string> {
  const { body } = await admin(
    devstore,
    shop,
    'mutation($input: CustomerSetInput!) { customerSet(input: $input) { customer { id state } userErrors { message } } }',
    { input },
  );
  expect(body.data.customerSet.customer.state).toBe('DISABLED');
  return body.data.customerSet.customer.id;
}

describe('customerSendAccountInviteEmail', () => {
  it('records the email and moves the customer to INVITED', async () => {
    const id = await newCustomer({ email: 'ada@example.com', firstName: 'Ada' });
    const { body } = await admin(devstore, shop, INVITE, {
      customerId: id,
      email: { subject: 'Welcome to our new store', customMessage: 'Set a new password' },
    });
    expect(body.data.customerSendAccountInviteEmail).toEqual({ customer: { id, state: 'INVITED' }, userErrors: [] });
    const emails = await control(devstore, 'GET', `/shops/${shop.domain}/emails`);
    expect(emails.body).toEqual([
      expect.objectContaining({
        kind: 'customer_account_invite',
        customerId: id,
        to: 'ada@example.com',
        subject: 'Welcome to our new store',
        customMessage: 'Set a new password',
      }),
    ]);
  });

  it('answers INVALID for an unknown customer, a customer without an email, and one who already has an account; nothing is sent', async () => {
    const before = (await control(devstore, 'GET', `/shops/${shop.domain}/emails`)).body.length;
    const unknown = await admin(devstore, shop, INVITE, { customerId: 'gid://shopify/Customer/999999999' });
    expect(unknown.body.data.customerSendAccountInviteEmail).toEqual({
      customer: null,
      userErrors: [{ field: ['customerId'], message: 'Customer does not exist', code: 'INVALID' }],
    });

    const phoneOnly = await newCustomer({ phone: '+15550100001', firstName: 'Phone' });
    const noEmail = await admin(devstore, shop, INVITE, { customerId: phoneOnly });
    expect(noEmail.body.data.customerSendAccountInviteEmail.userErrors).toEqual([
      { field: ['customerId'], message: 'Customer must have an email address to be invited', code: 'INVALID' },
    ]);

    const member = await newCustomer({ email: 'grace@example.com' });
    const put = await control(devstore, 'PUT', `/shops/${shop.domain}/customers/${member.split('/').at(-1)}/state`, {
      state: 'ENABLED',
    });
    expect(put.status).toBe(200);
    const enabled = await admin(devstore, shop, INVITE, { customerId: member });
    expect(enabled.body.data.customerSendAccountInviteEmail.userErrors).toEqual([
      { field: ['customerId'], message: 'Customer has already created an account', code: 'INVALID' },
    ]);

    expect((await control(devstore, 'GET', `/shops/${shop.domain}/emails`)).body).toHaveLength(before);
  });

  it('is rejected by the schema without a customerId, as Shopify rejects it', async () => {
    const { body } = await admin(
      devstore,
      shop,
      'mutation { customerSendAccountInviteEmail { userErrors { message } } }',
    );
    expect(body.errors[0].message).toMatch(/customerId/);
  });

  it("keeps each shop's emails apart and answers 404 for a customer state in another shop", async () => {
    const other = await createShop(devstore);
    expect((await control(devstore, 'GET', `/shops/${other.domain}/emails`)).body).toEqual([]);
    const id = await newCustomer({ email: 'lin@example.com' });
    const put = await control(devstore, 'PUT', `/shops/${other.domain}/customers/${id.split('/').at(-1)}/state`, {
      state: 'ENABLED',
    });
    expect(put.status).toBe(404);
    const bad = await control(devstore, 'PUT', `/shops/${shop.domain}/customers/${id.split('/').at(-1)}/state`, {
      state: 'ACTIVE',
    });
    expect(bad.status).toBe(400);
  });
});
