// WooCommerce's state codes (i18n/states.php) as ISO 3166-2 codes, where Shipyard knows the country's codes.
import { describe, expect, it } from 'vitest';
import { isoSubdivision } from './states.ts';

describe('WooCommerce states', () => {
  it('turns WooCommerce state codes into ISO 3166-2 codes where its codes are known', () => {
    expect(isoSubdivision('JP', 'JP13')).toBe('JP-13');
    expect(isoSubdivision('TR', 'TR34')).toBe('TR-34');
    expect(isoSubdivision('NZ', 'AK')).toBe('NZ-AUK');
    expect(isoSubdivision('US', 'ME')).toBe('US-ME');
    expect(isoSubdivision('TH', 'TH-10')).toBe('TH-10');
    expect(isoSubdivision('NZ', 'XX')).toBeNull();
    expect(isoSubdivision('JP', 'JP99')).toBe('JP-99');
  });

  it('reads New Zealand’s regions as WooCommerce wrote them before and after it took ISO’s letters', () => {
    expect([isoSubdivision('NZ', 'AK'), isoSubdivision('NZ', 'AUK'), isoSubdivision('NZ', 'wgn')]).toEqual([
      'NZ-AUK',
      'NZ-AUK',
      'NZ-WGN',
    ]);
  });

  it('takes the letters after ISO’s hyphen where states.php uses them alone', () => {
    const sample: [string, string, string][] = [
      ['IT', 'RM', 'IT-RM'],
      ['ES', 'C', 'ES-C'],
      ['ES', 'PM', 'ES-PM'],
      ['IE', 'D', 'IE-D'],
      ['AR', 'B', 'AR-B'],
      ['ID', 'JK', 'ID-JK'],
      ['RO', 'B', 'RO-B'],
      ['NG', 'LA', 'NG-LA'],
      ['IN', 'MH', 'IN-MH'],
      ['IN', 'CT', 'IN-CT'],
      ['ZA', 'KZN', 'ZA-KZN'],
      ['PE', 'LIM', 'PE-LIM'],
      ['PH', 'CEB', 'PH-CEB'],
      ['PH', '00', 'PH-00'],
      ['GT', 'GU', 'GT-GU'],
      ['VE', 'A', 'VE-A'],
    ];
    expect(sample.map(([country, state]) => isoSubdivision(country, state))).toEqual(sample.map(([, , iso]) => iso));
  });

  it('keeps codes that are ISO’s already, and joins Egypt’s with a hyphen', () => {
    const sample: [string, string, string][] = [
      ['CL', 'CL-RM', 'CL-RM'],
      ['CO', 'CO-DC', 'CO-DC'],
      ['GT', 'GT-GU', 'GT-GU'],
      ['PA', 'PA-10', 'PA-10'],
      ['UY', 'UY-MO', 'UY-MO'],
      ['VE', 'VE-X', 'VE-X'],
      ['EG', 'EGC', 'EG-C'],
      ['EG', 'EGALX', 'EG-ALX'],
    ];
    expect(sample.map(([country, state]) => isoSubdivision(country, state))).toEqual(sample.map(([, , iso]) => iso));
  });

  it('maps the countries whose codes are WooCommerce’s own, by the region’s name', () => {
    const sample: [string, string, string][] = [
      ['CN', 'CN2', 'CN-BJ'],
      ['CN', 'CN20', 'CN-GD'],
      ['CN', 'CN31', 'CN-XZ'],
      ['CN', 'CN30', 'CN-MO'],
      ['MX', 'DF', 'MX-CMX'],
      ['MX', 'JA', 'MX-JAL'],
      ['MX', 'NL', 'MX-NLE'],
      ['MX', 'QR', 'MX-ROO'],
      ['MY', 'JHR', 'MY-01'],
      ['MY', 'KUL', 'MY-14'],
      ['HK', 'Kowloon', 'HK-KL'],
      ['HK', 'HONG KONG', 'HK-HK'],
      ['IT', 'AO', 'IT-23'],
      ['IN', 'TS', 'IN-TG'],
      ['IN', 'UK', 'IN-UT'],
      ['PH', 'DAC', 'PH-DVO'],
      ['PH', 'SIQ', 'PH-SIG'],
    ];
    expect(sample.map(([country, state]) => isoSubdivision(country, state))).toEqual(sample.map(([, , iso]) => iso));
    expect([isoSubdivision('CN', 'CN99'), isoSubdivision('MX', 'XX'), isoSubdivision('HK', 'Lantau')]).toEqual([
      null,
      null,
      null,
    ]);
  });
});
