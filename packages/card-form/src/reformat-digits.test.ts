import { describe, expect, it } from 'vitest';
import { caretAfterDigits, reformatDigits } from './reformat-digits.ts';

const groups4 = (d: string): string => d.replace(/(\d{4})(?=\d)/g, '$1 ');

describe('reformatDigits', () => {
  it('strips separators from a paste and keeps the caret after the same digits', () => {
    expect(reformatDigits('4111 1111-1111 1111', 19, 16, groups4)).toEqual({
      value: '4111 1111 1111 1111',
      caret: 19,
      digits: '4111111111111111',
    });
  });
  it('keeps the caret after the inserted digit when editing in the middle', () => {
    // "4242 4242" with "9" typed after the second digit → caret after 3 digits.
    const next = reformatDigits('42942 4242', 3, 16, groups4);
    expect(next.value).toBe('4294 2424 2');
    expect(next.caret).toBe(3);
  });
  it('moves the caret past a separator that appears', () => {
    const next = reformatDigits('42429 4242', 5, 16, groups4);
    expect(next.value).toBe('4242 9424 2');
    expect(next.caret).toBe(6);
  });
  it('truncates to the maximum digits', () => {
    expect(reformatDigits('12345', 5, 3, (d) => d).value).toBe('123');
  });
});

describe('caretAfterDigits', () => {
  it('counts digits, not characters', () => {
    expect(caretAfterDigits('4242 4242', 4)).toBe(4);
    expect(caretAfterDigits('4242 4242', 5)).toBe(6);
    expect(caretAfterDigits('4242 4242', 0)).toBe(0);
  });
});
