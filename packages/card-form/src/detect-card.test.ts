// card-validator's own cardNumber is the oracle here (tests are not part of the frame's bytes).
import { cardNumber } from 'card-validator/dist/card-number.js';
import { describe, expect, it } from 'vitest';
import { detectCard, MAX_PAN_DIGITS } from './detect-card.ts';

describe('detectCard against card-validator', () => {
  /** Standard test numbers of every brand, each with its last digit changed too (Luhn fails). */
  const pans = [
    ...['4242424242424242', '4000056655665556', '4111111111111111111', '5555555555554444', '2223003122003222'],
    ...['378282246310005', '6011111111111117', '36227206271667', '3566002020360505', '6200000000000005'],
    ...['6200000000000005123', '6759649826438453', '6362970000457013', '2200000000000004', '9792000000000001'],
    ...['5066991111111118', '6062826786276634'],
  ].flatMap((pan) => [pan, pan.slice(0, -1) + ((Number(pan.at(-1)) + 1) % 10)]);
  /** Every prefix of each, and two digits past its end (too long for the brand). */
  const inputs = pans.flatMap((pan) => Array.from({ length: pan.length + 3 }, (_, i) => `${pan}00`.slice(0, i)));

  it("gives card-validator's cardNumber answers for every prefix of every test number", () => {
    const differing = inputs.filter((digits) => {
      const ours = detectCard(digits);
      const theirs = cardNumber(digits, { maxLength: MAX_PAN_DIGITS });
      const brandKnown = ours.brand !== 'unknown';
      return (
        brandKnown !== Boolean(theirs.card) ||
        ours.isValid !== theirs.isValid ||
        ours.isPotentiallyValid !== (digits.length === 0 || theirs.isPotentiallyValid) ||
        (theirs.card !== null && (ours.maxLength !== Math.max(...theirs.card.lengths) || JSON.stringify(ours.gaps) !== JSON.stringify(theirs.card.gaps)))
      );
    });
    expect(inputs.length).toBeGreaterThan(600);
    expect(differing).toEqual([]);
  });
});
