import { describe, expect, it } from 'vitest';
import { isScheme, schemeFromCardType, SCHEMES } from './schemes.ts';

describe('schemes', () => {
  it('maps every card-validator brand Guardian knows to the seed spelling', () => {
    expect(schemeFromCardType('american-express')).toBe('american express');
    expect(schemeFromCardType('diners-club')).toBe('diners club');
    for (const scheme of SCHEMES) expect(isScheme(scheme)).toBe(true);
  });

  it('has no scheme for brands Guardian does not tokenize', () => {
    expect(schemeFromCardType('maestro')).toBeUndefined();
    expect(schemeFromCardType('constructor')).toBeUndefined();
    expect(schemeFromCardType(undefined)).toBeUndefined();
  });
});
