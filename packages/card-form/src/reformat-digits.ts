/** What a field looks like after reformatting: the shown text and where the caret goes. */
export interface Reformatted {
  value: string;
  caret: number;
  digits: string;
}

const NON_DIGIT = /\D/g;

/** Counts the digits in `text` (separators and stray characters do not count). */
export function countDigits(text: string): number {
  return text.replace(NON_DIGIT, '').length;
}

/** The caret index right after the `n`-th digit of `formatted` (0 → start of the field). */
export function caretAfterDigits(formatted: string, n: number): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i += 1) {
    if (/\d/.test(formatted[i] ?? '')) {
      seen += 1;
      if (seen === n) return i + 1;
    }
  }
  return formatted.length;
}

/**
 * Reformats a digits-only field and keeps the caret where the shopper left it.
 *
 * Why count digits: after a reformat the separators move (a space appears, a gap
 * shifts when the brand changes), so a character index is meaningless. The number of
 * digits left of the caret is stable, so the caret goes right after that many digits.
 */
export function reformatDigits(raw: string, caret: number, maxDigits: number, format: (digits: string) => string): Reformatted {
  const digits = raw.replace(NON_DIGIT, '').slice(0, maxDigits);
  const before = Math.min(countDigits(raw.slice(0, caret)), digits.length);
  const value = format(digits);
  return { value, caret: caretAfterDigits(value, before), digits };
}
