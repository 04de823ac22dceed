import { describe, expect, it } from 'vitest';
import { toAsciiDigits } from './native-digits.ts';

describe('toAsciiDigits', () => {
  it('reads Arabic-Indic, Persian, Thai and full-width digits as ASCII, keeping everything else', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(toAsciiDigits('０１２３４５６７８９')).toBe('0123456789');
    expect(toAsciiDigits('１２／３０')).toBe('12/30');
    expect(toAsciiDigits('12 / 30 x')).toBe('12 / 30 x');
  });
});
