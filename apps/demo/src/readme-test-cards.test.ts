import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** `{ brand: 'visa', number: '4242…', cvc: '123' }` entries of the e2e suite's TEST_CARDS, read as text (no Playwright import). */
function e2eTestCards(): { brand: string; number: string; cvc: string }[] {
  const source = readFileSync(path.join(root, 'e2e/fixtures/checkout.ts'), 'utf8');
  const list = source.slice(source.indexOf('TEST_CARDS = ['), source.indexOf('] as const', source.indexOf('TEST_CARDS = [')));
  return [...list.matchAll(/\{ brand: '([^']+)', number: '(\d+)', cvc: '(\d+)'/g)].map(([, brand, number, cvc]) => ({
    brand: brand!,
    number: number!,
    cvc: cvc!,
  }));
}

describe("the README's test-card table", () => {
  it('is the list the e2e suite pays with, brand by brand', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- test-cards:start -->'), readme.indexOf('<!-- test-cards:end -->'));
    const documented = [...table.matchAll(/^\| ([a-z ]+) \| `([\d ]+)` \| `(\d+)` \|$/gm)].map(([, brand, number, cvc]) => ({
      brand: brand!,
      number: number!.replace(/ /g, ''),
      cvc: cvc!,
    }));
    const e2e = e2eTestCards();
    expect(e2e.length).toBeGreaterThanOrEqual(7);
    expect(documented).toEqual(e2e);
  });
});
