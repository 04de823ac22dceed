import { describe, expect, it } from 'vitest';
import { cardStyleToCss } from './card-style-sheet.ts';

describe('cardStyleToCss', () => {
  it('maps variants to state classes and pseudos to the inputs', () => {
    const css = cardStyleToCss({
      base: { color: '#111', ':focus': { color: '#222' }, '::placeholder': { color: '#333' } },
      invalid: { color: '#c00' },
    });
    expect(css).toBe(
      [
        '.form .input { color: #111; }',
        '.form .input:focus { color: #222; }',
        '.form .input::placeholder { color: #333; }',
        '.form .input.is-invalid { color: #c00; }',
      ].join('\n'),
    );
  });

  it('applies nothing when any entry is unsafe', () => {
    expect(cardStyleToCss({ base: { color: '#111', backgroundColor: 'url(x)' } } as never)).toBe('');
    expect(cardStyleToCss({ base: { color: 'red;}input[value^="4"]{color:red' } } as never)).toBe('');
    expect(cardStyleToCss({ hacked: {} } as never)).toBe('');
  });

  it('is empty for no style', () => {
    expect(cardStyleToCss(undefined)).toBe('');
  });
});
