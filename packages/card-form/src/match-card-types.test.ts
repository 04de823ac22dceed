// The library's own index is the oracle here (tests are not part of the frame's bytes): the
// form must find exactly the brands credit-card-type's `creditCardType()` finds.
import creditCardType from 'credit-card-type';
import cardTypes from 'credit-card-type/dist/lib/card-types.js';
import { describe, expect, it } from 'vitest';
import { cardTypeInfo, matchCardTypes } from './match-card-types.ts';

/** Every digit string of this length, '000…' to '999…'. */
const allOfLength = (length: number): string[] => Array.from({ length: 10 ** length }, (_, i) => String(i).padStart(length, '0'));

/**
 * Six-digit prefixes near the table's longest patterns (elo, hipercard, discover…): every
 * completion of their first four digits, so a range's edges and its neighbours are all tried.
 */
const nearLongPatterns = (): string[] => {
  const stems = new Set<string>();
  for (const card of Object.values(cardTypes)) {
    for (const pattern of card.patterns) {
      for (const edge of Array.isArray(pattern) ? pattern : [pattern]) if (String(edge).length >= 5) stems.add(String(edge).slice(0, 4));
    }
  }
  return [...stems].flatMap((stem) => allOfLength(2).map((tail) => stem + tail));
};

describe('matchCardTypes', () => {
  it("finds what credit-card-type's index finds for every prefix of up to five digits and near every long pattern", () => {
    const prefixes = [1, 2, 3, 4, 5].flatMap(allOfLength).concat(nearLongPatterns());
    expect(prefixes.length).toBeGreaterThan(111_110);
    const differing = prefixes.filter((digits) => JSON.stringify(matchCardTypes(digits)) !== JSON.stringify(creditCardType(digits)));
    expect(differing).toEqual([]);
  });

  it('finds full test numbers as the library does', () => {
    const pans = [
      ...['4242424242424242', '5555555555554444', '2223003122003222', '378282246310005', '6011111111111117', '36227206271667'],
      ...['3566002020360505', '6200000000000005', '6759649826438453', '6362970000457013', '2200000000000004', '9792000000000001'],
    ];
    for (const pan of pans) {
      expect(matchCardTypes(pan), pan).toEqual(creditCardType(pan));
    }
  });

  it('tests every brand of the table', () => {
    const tried = new Set(allOfLength(4).flatMap((digits) => matchCardTypes(digits).map((card) => card.type)));
    expect([...tried].sort()).toEqual(Object.keys(cardTypes).sort());
  });
});

describe('cardTypeInfo', () => {
  it("is the library's data for a brand id", () => {
    expect(cardTypeInfo('american-express')).toEqual(creditCardType.getTypeInfo('american-express'));
    expect(cardTypeInfo('visa')?.code).toEqual({ name: 'CVV', size: 3 });
  });

  it('knows no brand outside the table', () => {
    expect(cardTypeInfo('constructor')).toBeUndefined();
    expect(cardTypeInfo('amex')).toBeUndefined();
  });
});
