// credit-card-type's brand table and matching rules, imported from its modules rather than its
// index: the index adds a customisation API (addCard, updateCard, removeCard, changeOrder,
// resetModifications) the form never calls, and being CommonJS it cannot be tree-shaken. Leaving
// it out, with card-validator's `cardNumber` that imports it, saves the frame 552 B gzip (ADR 0037).
// The library stays the one source of brand data: patterns, lengths, gaps and codes are its table's.
import { addMatchingCardsToResults } from 'credit-card-type/dist/lib/add-matching-cards-to-results.js';
import cardTypes from 'credit-card-type/dist/lib/card-types.js';
import { findBestMatch } from 'credit-card-type/dist/lib/find-best-match.js';
import type { CreditCardType, CreditCardTypeCardBrandId } from 'credit-card-type/dist/types.js';

/**
 * The order credit-card-type tests brands in (its index's `ORIGINAL_TEST_ORDER`, which is not its
 * table's key order). It decides between equally specific matches, so it is kept exactly;
 * `match-card-types.test.ts` checks it against the library's own index.
 */
const TEST_ORDER: readonly CreditCardTypeCardBrandId[] = [
  'visa',
  'mastercard',
  'american-express',
  'diners-club',
  'discover',
  'troy',
  'jcb',
  'unionpay',
  'naranja',
  'verve',
  'maestro',
  'elo',
  'mir',
  'hiper',
  'hipercard',
];

/**
 * The brands a non-empty digit string can belong to, as credit-card-type's `creditCardType(digits)`
 * answers: the one best match once the digits are specific enough, else every brand still possible.
 */
export function matchCardTypes(digits: string): CreditCardType[] {
  const results: CreditCardType[] = [];
  for (const type of TEST_ORDER) {
    const card = cardTypes[type];
    if (card) addMatchingCardsToResults(digits, card, results);
  }
  const best = findBestMatch(results);
  return best ? [best] : results;
}

/** credit-card-type's data for one brand id (`visa`, `american-express`…), if it knows the brand. */
export function cardTypeInfo(type: string): Readonly<CreditCardType> | undefined {
  // Own keys only: the table is a plain object, and `constructor` is not a brand.
  return Object.hasOwn(cardTypes, type) ? cardTypes[type] : undefined;
}
