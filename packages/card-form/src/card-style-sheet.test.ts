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
        '.form .label, .form .saved .expires { color: color-mix(in srgb, #111 72%, transparent); }',
        '.form .saved { color: #111; }',
        '.form .error { color: #c00; }',
        '.form .cell.has-error { background: color-mix(in srgb, #c00 10%, transparent); }',
      ].join('\n'),
    );
  });

  it('sends the base surface to the field group and its border colour to the dividers', () => {
    const css = cardStyleToCss({ base: { backgroundColor: '#1c2027', borderColor: '#3a414c', borderRadius: '12px', fontSize: '16px' } });
    expect(css.split('\n')).toEqual([
      '.form .group { background-color: #1c2027; border-color: #3a414c; border-radius: 12px; }',
      '.form .input { font-size: 16px; }',
      '.form { --cf-radius: 12px; }',
      '.form .row + .row, .form .cell + .cell, .form .saved { border-color: #3a414c; }',
    ]);
  });

  it('colours the focus ring with outlineColor (:focus wins) and gives labels the merchant font', () => {
    expect(cardStyleToCss({ base: { outlineColor: '#0a7', fontFamily: 'Georgia, serif' } })).toContain(
      '.form { --cf-focus: #0a7; font-family: Georgia, serif; }',
    );
    expect(cardStyleToCss({ base: { outlineColor: '#0a7', ':focus': { outlineColor: '#f50' } } })).toContain('--cf-focus: #f50;');
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
