/**
 * Digits from other numbering systems that shoppers' keyboards type into a numeric field:
 * Arabic-Indic (U+0660), Extended Arabic-Indic / Persian (U+06F0), Devanagari (U+0966),
 * Thai (U+0E50) and full-width (U+FF10, CJK IMEs). Each run of ten is contiguous in Unicode.
 */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x0e50, 0xff10];
const NATIVE_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59\uff10-\uff19]/g;

/** Replaces every native digit with its ASCII digit and a full-width slash with `/`; same length, so carets stay put. */
export function toAsciiDigits(text: string): string {
  return text
    .replace(NATIVE_DIGIT, (digit) => {
      const code = digit.charCodeAt(0);
      const zero = ZEROS.find((z) => code >= z && code <= z + 9) ?? code;
      return String(code - zero);
    })
    .replace(/\uff0f/g, '/');
}
