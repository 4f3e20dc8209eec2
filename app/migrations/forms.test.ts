// The setup form's schema, as the browser and the route action both run it.
import { describe, expect, it } from 'vitest';
import { ChoicesForm, parseForm, statusField } from './forms.ts';
import { OrderStatus } from '../pipeline/entities/orders/input.server.ts';

function form(fields: Record<string, string | string[]>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return body;
}

describe('the setup form', () => {
  it('reads the options and the order status map the order transform accepts', () => {
    const parsed = parseForm(
      ChoicesForm,
      form({
        entities: ['products', 'orders'],
        keepOrderNumbers: 'on',
        existingRecords: 'skip',
        inviteCustomers: 'on',
        exchangeRates: 'eur=1.0850; GBP: 1.17',
        cutLongText: 'on',
        broaderCoupons: 'on',
        [statusField('processing', 'financial')]: 'PAID',
        [statusField('processing', 'fulfillment')]: 'UNFULFILLED',
        [statusField('completed', 'financial')]: 'PAID',
        [statusField('completed', 'fulfillment')]: 'FULFILLED',
      }),
      ['entities'],
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        entities: ['products', 'orders'],
        redirects: false,
        review: false,
        keepOrderNumbers: true,
        existingRecords: 'skip',
        inviteCustomers: true,
        exchangeRates: { EUR: '1.0850', GBP: '1.17' },
        longText: 'cut',
        broaderCoupons: true,
        policies: 'pages',
        orderStatusMap: {
          processing: { financialStatus: 'PAID', fulfillmentStatus: null },
          completed: { financialStatus: 'PAID', fulfillmentStatus: 'FULFILLED' },
        },
      },
    });
    if (parsed.ok)
      for (const status of Object.values(parsed.value.orderStatusMap))
        expect(OrderStatus.parse(status)).toEqual(status);
  });

  it('updates existing records and keeps Shipyard’s status map when the form says nothing', () => {
    const parsed = parseForm(ChoicesForm, form({ entities: 'products' }), ['entities']);
    expect(parsed.ok && parsed.value).toMatchObject({
      existingRecords: 'update',
      keepOrderNumbers: false,
      inviteCustomers: false,
      exchangeRates: {},
      longText: 'keep-back',
      broaderCoupons: false,
      orderStatusMap: {},
    });
  });

  it('says which exchange rate it cannot read', () => {
    const parsed = parseForm(ChoicesForm, form({ entities: 'orders', exchangeRates: 'EUR=1.08, GBP=lots' }), [
      'entities',
    ]);
    expect(parsed).toEqual({ ok: false, errors: { exchangeRates: 'GBP: A rate is a number such as 1.0850.' } });
    expect(parseForm(ChoicesForm, form({ entities: 'orders', exchangeRates: 'euros' }), ['entities'])).toMatchObject({
      ok: false,
      errors: { exchangeRates: expect.stringMatching(/^“euros” is not a rate/) },
    });
  });

  it('reads the sales channels ticked, none ticked, or none asked (which keeps the draft’s choice)', () => {
    const read = (fields: Record<string, string | string[]>) => {
      const parsed = parseForm(ChoicesForm, form({ entities: 'products', ...fields }), ['entities', 'channels']);
      return parsed.ok ? parsed.value.channels : parsed.errors;
    };
    expect(read({ channels: ['', 'gid://shopify/Publication/11', 'gid://shopify/Publication/12'] })).toEqual([
      'gid://shopify/Publication/11',
      'gid://shopify/Publication/12',
    ]);
    expect(read({ channels: '' })).toEqual([]);
    expect(read({})).toBeUndefined();
    expect(read({ channels: ['', 'Online Store'] })).toEqual({ channels: 'Choose among your store’s sales channels' });
  });

  it('puts each wrong answer beside its field', () => {
    const parsed = parseForm(
      ChoicesForm,
      form({ entities: 'products', existingRecords: 'merge', [statusField('on-hold', 'financial')]: 'SHIPPED' }),
      ['entities'],
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        existingRecords: 'Choose whether to update or skip records already in Shopify',
        [statusField('on-hold', 'financial')]: 'Choose a payment status',
      },
    });
  });
});
