/**
 * Groups card digits at the brand's gaps: visa `[4, 8, 12]` → 4-4-4-4,
 * amex `[4, 10]` → 4-6-5, diners `[4, 10]` → 4-6-4 (card-validator's `gaps`).
 */
export function formatCardNumber(digits: string, gaps: readonly number[]): string {
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && gaps.includes(i)) out += ' ';
    out += digits[i];
  }
  return out;
}
