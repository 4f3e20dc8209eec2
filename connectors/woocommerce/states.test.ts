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
    // WooCommerce numbers China's provinces its own way ("CN2" is Beijing).
    expect(isoSubdivision('CN', 'CN2')).toBeNull();
    expect(isoSubdivision('NZ', 'XX')).toBeNull();
    expect(isoSubdivision('JP', 'JP99')).toBe('JP-99');
  });
});
