import type { FieldName } from '@cardframe/protocol';
import { detectCard, MAX_PAN_DIGITS } from './detect-card.ts';
import { formatCardNumber } from './format-card-number.ts';
import { formatExpiry, parseExpiry } from './parse-expiry.ts';
import { caretAfterDigits, countDigits, reformatDigits } from './reformat-digits.ts';

/**
 * What a digits field shows after one `input` event, and where its caret goes. Separators
 * and the caret are recomputed from the count of digits, so typing, pasting, autofill and
 * deleting in the middle all keep the caret beside the same digit.
 *
 * @param raw the input's value after the browser applied the edit
 * @param caret the input's caret after the edit
 * @param previous the value shown before the edit
 * @param inputType `InputEvent.inputType`, or '' for autofill's plain `input` Event
 * @param cvcLengths security code lengths for the current brand
 */
export function reformatField(
  field: Exclude<FieldName, 'name'>,
  raw: string,
  caret: number,
  previous: string,
  inputType: string,
  cvcLengths: readonly number[],
): { value: string; caret: number } {
  // Backspace over a separator deletes the digit before it, so the caret never seems stuck.
  if (inputType === 'deleteContentBackward' && countDigits(raw) === countDigits(previous) && raw.length < previous.length) {
    const n = countDigits(raw.slice(0, caret));
    if (n > 0) {
      const digits = raw.replace(/\D/g, '');
      raw = digits.slice(0, n - 1) + digits.slice(n);
      caret = n - 1;
      const formatted = reformatField(field, raw, caret, raw, 'deleteContent', cvcLengths);
      return { value: formatted.value, caret: caretAfterDigits(formatted.value, n - 1) };
    }
  }
  const atEnd = caret === raw.length;
  const typed = inputType === 'insertText';
  if (field === 'expiry') {
    const parts = parseExpiry(raw);
    const old = parseExpiry(previous);
    if (typed && old.month.length === 2 && old.year.length === 2 && old.year !== '20') {
      return { value: previous, caret: Math.max(0, caret - 1) };
    }
    const value = formatExpiry(parts);
    return { value, caret: atEnd ? value.length : caretAfterDigits(value, countDigits(raw.slice(0, caret))) };
  }
  const max = field === 'number' ? detectCard(raw.replace(/\D/g, '').slice(0, MAX_PAN_DIGITS)).maxLength : Math.max(...cvcLengths);
  // Typing one more digit into a full field is refused rather than pushing the last digit out.
  if (typed && countDigits(raw) > max && countDigits(previous) >= max) {
    return { value: previous, caret: Math.max(0, caret - 1) };
  }
  const format = field === 'number' ? (d: string) => formatCardNumber(d, detectCard(d).gaps) : (d: string) => d;
  const next = reformatDigits(raw, caret, max, format);
  return { value: next.value, caret: atEnd ? next.value.length : next.caret };
}
