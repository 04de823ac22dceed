import { describe, expect, it } from 'vitest';
import { reformatField } from './reformat-field.ts';

describe('reformatField', () => {
  it('groups a typed digit and keeps the caret at the end', () => {
    expect(reformatField('number', '42424', 5, '4242', 'insertText', [3])).toEqual({ value: '4242 4', caret: 6 });
  });
  it('deletes the digit before a separator on backspace', () => {
    // "4242 4242" with the space removed by Backspace at index 5.
    expect(reformatField('number', '42424242', 4, '4242 4242', 'deleteContentBackward', [3])).toEqual({
      value: '4244 242',
      caret: 3,
    });
  });
  it('refuses one more typed digit in a full field instead of dropping the last one', () => {
    expect(reformatField('number', '37828224631000051', 2, '3782 822463 10005', 'insertText', [4])).toEqual({
      value: '3782 822463 10005',
      caret: 1,
    });
    expect(reformatField('cvc', '1234', 4, '123', 'insertText', [3])).toEqual({ value: '123', caret: 3 });
  });
  it('truncates a paste to the brand length', () => {
    expect(reformatField('number', '3782-822463-10005-99', 20, '', 'insertFromPaste', [4]).value).toBe('3782 822463 10005');
  });
  it('formats autofill (no inputType) like a paste', () => {
    expect(reformatField('expiry', '12/2031', 7, '', '', [3])).toEqual({ value: '12 / 31', caret: 7 });
  });
  it('pads a single expiry digit above 1 and steps back over the separator', () => {
    expect(reformatField('expiry', '4', 1, '', 'insertText', [3])).toEqual({ value: '04 / ', caret: 5 });
    expect(reformatField('expiry', '04 /', 4, '04 / ', 'deleteContentBackward', [3])).toEqual({ value: '0', caret: 1 });
  });
});
