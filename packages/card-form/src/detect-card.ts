// Deep imports on purpose: card-validator's index also pulls postal-code, cardholder-name and
// month/year validators the frame never uses, and its `cardNumber` pulls credit-card-type's index
// (see match-card-types.ts); every byte counts in the frame's 25 KB budget.
import luhn10 from 'card-validator/dist/luhn-10.js';
import { schemeFromCardType, type Scheme } from '@cardframe/protocol';
import { matchCardTypes } from './match-card-types.ts';

/** Largest PAN length any brand uses (ISO/IEC 7812). */
export const MAX_PAN_DIGITS = 19;
const DEFAULT_GAPS: readonly number[] = [4, 8, 12];

/** What the form needs to know about the number typed so far. */
export interface CardDetection {
  /** Guardian scheme, `unknown` while ambiguous, `other` for a brand Guardian cannot tokenize (maestro, mir…). */
  brand: Scheme | 'unknown' | 'other';
  gaps: readonly number[];
  maxLength: number;
  /** Security code lengths this brand allows. */
  cvcLengths: readonly number[];
  /** Digits could still become a valid number of some brand. */
  isPotentiallyValid: boolean;
  /** Complete length for the brand and Luhn-valid. */
  isValid: boolean;
  /** Length is one of the brand's lengths (whether or not Luhn passes). */
  isFullLength: boolean;
  /**
   * No further digit can belong to this number: the brand's longest length, or a Luhn-valid
   * full length of a brand whose numbers carry a Luhn check digit. UnionPay numbers run 14–19
   * digits with no Luhn check, so a 14-digit prefix of a 16-digit card is already "valid";
   * moving focus on there would type the last digits into the expiry field.
   */
  isFinal: boolean;
}

/**
 * Detects the brand and validity of a digits-only card number by card-validator's `cardNumber`
 * rules over credit-card-type's brands (`detect-card.test.ts` holds the two to the same answers).
 */
export function detectCard(digits: string): CardDetection {
  const matches = matchCardTypes(digits);
  const card = digits.length > 0 && matches.length === 1 ? matches[0] : undefined;
  if (!card) {
    return {
      brand: 'unknown',
      gaps: DEFAULT_GAPS,
      maxLength: MAX_PAN_DIGITS,
      cvcLengths: [3, 4],
      // Several brands still fit, or nothing is typed yet; none fits once no brand starts like this.
      isPotentiallyValid: digits.length === 0 || matches.length > 1,
      isValid: false,
      isFullLength: false,
      isFinal: false,
    };
  }
  const maxLength = Math.min(Math.max(...card.lengths), MAX_PAN_DIGITS);
  const isFullLength = card.lengths.includes(digits.length);
  // card-validator skips the Luhn check for UnionPay only (its `luhnValidateUnionPay` option).
  const isValid = isFullLength && (card.type === 'unionpay' || luhn10(digits));
  return {
    brand: schemeFromCardType(card.type) ?? 'other',
    gaps: card.gaps,
    maxLength,
    cvcLengths: [card.code.size],
    isPotentiallyValid: digits.length < maxLength || isValid,
    isValid,
    isFullLength,
    isFinal: isValid && (digits.length === maxLength || card.type !== 'unionpay'),
  };
}
