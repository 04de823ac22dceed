/**
 * Digits from other numbering systems that shoppers' keyboards type into a numeric field:
 * Arabic-Indic (U+0660), Extended Arabic-Indic / Persian (U+06F0), Thai (U+0E50) and
 * full-width (U+FF10, CJK IMEs). Each run of ten starts at a code point ending in 0, so a
 * digit's value is its code point's last hex digit.
 */
const NATIVE_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0e50-\u0e59\uff10-\uff19]/g;

/** Replaces every native digit with its ASCII digit and a full-width slash with `/`; same length, so carets stay put. */
export function toAsciiDigits(text: string): string {
  return text.replace(NATIVE_DIGIT, (digit) => String(digit.charCodeAt(0) & 15)).replace(/\uff0f/g, '/');
}
