// Phones read in the address's country, regions as Shopify's province codes, and billing/shipping
// that are one address: the rules of address.server.ts.
import { describe, expect, it } from 'vitest';
import { Address } from '../../../../connectors/model.ts';
import { internationalPhone, orderAddress, sameAddressKey, shopifyAddress, shopifyRegion } from './address.server.ts';
import { regionErrors } from '../../../../devstore/customers/zones.ts';
import { customerAddresses } from './input.server.ts';
import { SHOPIFY_ZONES } from '../../../shopify-admin/regions.server.ts';

const portland = Address.parse({
  firstName: 'Maya',
  lastName: 'Reed',
  address1: '12 Fore Street',
  city: 'Portland',
  province: 'ME',
  provinceCode: 'US-ME',
  zip: '04101',
  countryCode: 'US',
  phone: '(207) 555-0142',
});

describe('phones in local form', () => {
  it('reads them in the address country and writes them in E.164', () => {
    expect(internationalPhone('(207) 555-0142', 'US')).toBe('+12075550142');
    expect(internationalPhone('07911 123456', 'GB')).toBe('+447911123456');
    expect(internationalPhone('03-5555-0100', 'JP')).toBe('+81355550100');
    expect(internationalPhone('021 123 4567', 'NZ')).toBe('+64211234567');
    // A number with its country prefix needs no country; 00 works as the prefix even where it is not the local one.
    expect(internationalPhone('+49 30 901820', null)).toBe('+4930901820');
    expect(internationalPhone('0049 30 901820', 'US')).toBe('+4930901820');
  });

  it('refuses what is no number there, even in the right country', () => {
    // Ofcom keeps 07700 900000–900999 for drama: no phone rings there.
    expect(internationalPhone('07700 900123', 'GB')).toBeNull();
    expect(internationalPhone('555-0142', 'US')).toBeNull();
    // A local number without any country to read it in.
    expect(internationalPhone('(207) 555-0142', null)).toBeNull();
    expect(internationalPhone('call me', 'US')).toBeNull();
  });
});

describe('regions', () => {
  it('gives Shopify its province code per country, and names a region it cannot', () => {
    expect(shopifyRegion(portland)).toEqual({ provinceCode: 'ME' });
    expect(shopifyRegion({ countryCode: 'JP', province: 'JP13', provinceCode: 'JP-13' })).toEqual({
      provinceCode: 'JP-13',
    });
    expect(shopifyRegion({ countryCode: 'NZ', province: 'AK', provinceCode: 'NZ-AUK' })).toEqual({
      provinceCode: 'AUK',
    });
    expect(shopifyRegion({ countryCode: 'BR', province: 'SP', provinceCode: 'BR-SP' })).toEqual({ provinceCode: 'SP' });
    // Not one of Japan's 47 prefectures in Shopify's list.
    expect(shopifyRegion({ countryCode: 'JP', province: 'JP99', provinceCode: 'JP-99' })).toEqual({
      unmatched: 'JP99',
    });
    // A code the connector could not read, and a country whose regions Shopify keeps none of (TR.yml has no zones).
    expect(shopifyRegion({ countryCode: 'CN', province: 'CN99', provinceCode: null })).toEqual({ unmatched: 'CN99' });
    expect(shopifyRegion({ countryCode: 'TR', province: 'TR34', provinceCode: 'TR-34' })).toEqual({
      unmatched: 'TR34',
    });
    // Macao is a country of its own in Shopify's data, not one of China's zones.
    expect(shopifyRegion({ countryCode: 'CN', province: 'CN30', provinceCode: 'CN-MO' })).toEqual({
      unmatched: 'CN30',
    });
    expect(shopifyRegion({ countryCode: 'GB', province: 'Greater London', provinceCode: null })).toEqual({
      unmatched: 'Greater London',
    });
    expect(shopifyRegion({ countryCode: 'DE', province: null, provinceCode: null })).toBeNull();
  });

  it('gives Shopify its own code for each country it keeps regions for, from the ISO code', () => {
    // [country, ISO 3166-2 code, Shopify's code] from Shopify/worldwide db/data/regions/<country>.yml.
    const sample: [string, string, string][] = [
      ['IT', 'IT-RM', 'RM'],
      ['IT', 'IT-23', 'AO'],
      ['ES', 'ES-C', 'C'],
      ['ES', 'ES-PM', 'PM'],
      ['MX', 'MX-CMX', 'DF'],
      ['MX', 'MX-AGU', 'AGS'],
      ['MX', 'MX-ROO', 'Q ROO'],
      ['MX', 'MX-JAL', 'JAL'],
      ['IN', 'IN-CT', 'CG'],
      ['IN', 'IN-TG', 'TS'],
      ['IN', 'IN-MH', 'MH'],
      ['CN', 'CN-BJ', 'BJ'],
      ['CN', 'CN-XZ', 'YZ'],
      ['IE', 'IE-D', 'D'],
      ['AR', 'AR-C', 'C'],
      ['CL', 'CL-RM', 'RM'],
      ['CO', 'CO-DC', 'DC'],
      ['PE', 'PE-LIM', 'PE-LIM'],
      ['MY', 'MY-01', 'JHR'],
      ['MY', 'MY-14', 'KUL'],
      ['ID', 'ID-JK', 'JK'],
      ['TH', 'TH-10', 'TH-10'],
      ['PH', 'PH-00', 'PH-00'],
      ['PH', 'PH-SIG', 'PH-SIG'],
      ['ZA', 'ZA-KZN', 'NL'],
      ['ZA', 'ZA-GP', 'GP'],
      ['HK', 'HK-KL', 'KL'],
      ['EG', 'EG-C', 'C'],
      ['EG', 'EG-ALX', 'ALX'],
      ['RO', 'RO-B', 'B'],
      ['NG', 'NG-LA', 'LA'],
      ['GT', 'GT-GU', 'GUA'],
      ['PA', 'PA-8', 'PA-8'],
      ['UY', 'UY-MO', 'UY-MO'],
      ['VE', 'VE-A', 'VE-A'],
    ];
    expect(
      sample.map(([countryCode, provinceCode]) => shopifyRegion({ countryCode, province: 'x', provinceCode })),
    ).toEqual(sample.map(([, , code]) => ({ provinceCode: code })));
    // IT-AO is no ISO code since 2019 (IT.yml); Sud Sardegna is in WooCommerce's list but not yet in Shopify's.
    expect(shopifyRegion({ countryCode: 'IT', province: 'SU', provinceCode: 'IT-SU' })).toEqual({ unmatched: 'SU' });
    // An ISO code of another country is never taken for this one's.
    expect(shopifyRegion({ countryCode: 'ES', province: 'RM', provinceCode: 'IT-RM' })).toEqual({ unmatched: 'RM' });
  });

  it('sends only codes devstore, which checks them as Shopify’s, takes for their country', () => {
    const refused = Object.entries(SHOPIFY_ZONES).flatMap(([countryCode, zones]) =>
      zones.codes.flatMap((provinceCode) => regionErrors({ countryCode, provinceCode }, [])),
    );
    expect(refused).toEqual([]);
  });

  it('writes MailingAddressInput without the deprecated province, and says what it left out', () => {
    expect(shopifyAddress(portland)).toEqual({
      input: {
        firstName: 'Maya',
        lastName: 'Reed',
        address1: '12 Fore Street',
        city: 'Portland',
        provinceCode: 'ME',
        zip: '04101',
        countryCode: 'US',
        phone: '+12075550142',
      },
      invalidPhone: null,
      unmatchedRegion: null,
    });
    const beijing = Address.parse({
      address1: '1 Chang’an Avenue',
      city: 'Beijing',
      province: 'CN2',
      countryCode: 'CN',
      phone: '12',
    });
    expect(shopifyAddress(beijing)).toMatchObject({
      input: { address1: '1 Chang’an Avenue', city: 'Beijing', countryCode: 'CN' },
      invalidPhone: '12',
      unmatchedRegion: 'CN2',
    });
    expect(orderAddress(beijing, 'shipping').problems.map((problem) => [problem.code, problem.noteLine])).toEqual([
      ['order-phone-invalid', 'Shipping phone on the old store (not valid in Shopify): 12'],
      ['address-region-unmatched', 'Shipping region on the old store: CN2'],
    ]);
  });
});

describe('one address for billing and shipping that differ only by a phone, case or spacing', () => {
  it('compares without the phone, case and spacing', () => {
    expect(sameAddressKey({ ...portland, phone: null, address1: '12  fore street ', city: 'PORTLAND' })).toBe(
      sameAddressKey(portland),
    );
    expect(sameAddressKey({ ...portland, address1: '14 Fore Street' })).not.toBe(sameAddressKey(portland));
  });

  it('keeps one, the default, with a phone', () => {
    const billing = { ...portland, phone: null, kind: 'billing' as const };
    const shipping = { ...portland, address1: '12 FORE STREET', kind: 'shipping' as const };
    expect(customerAddresses({ addresses: [billing, shipping], defaultAddressIndex: 0 })).toEqual([
      { ...billing, phone: '(207) 555-0142' },
    ]);
    const elsewhere = { ...portland, city: 'Bangor', kind: 'shipping' as const };
    expect(customerAddresses({ addresses: [billing, elsewhere], defaultAddressIndex: 0 })).toHaveLength(2);
  });
});
