import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeCardStyle, styleRulesToCss, styleValueProblem, STYLE_PROPERTIES } from './card-style.ts';

describe('sanitizeCardStyle', () => {
  it('accepts a realistic merchant theme and returns a fresh copy', () => {
    const input = {
      base: {
        color: '#1a1f36',
        fontFamily: '"Inter", system-ui, sans-serif',
        fontSize: '16px',
        '::placeholder': { color: 'rgba(26, 31, 54, 0.45)' },
        ':focus': { borderColor: 'hsl(220 90% 56%)' },
      },
      invalid: { color: '#df1b41' },
      complete: { color: 'green' },
    };
    const result = sanitizeCardStyle(input);
    expect(result).toEqual({ ok: true, value: input });
    if (result.ok) expect(result.value.base).not.toBe(input.base);
  });

  // The payloads security.md §2.6 / checklist 8 names: each must fail closed.
  const attacks: [string, unknown][] = [
    ['url()', { base: { backgroundColor: 'url(https://evil.test/x)' } }],
    ['url() after a colour', { base: { color: 'red url(//evil.test/4)' } }],
    ['escaped url', { base: { color: 'u\\72l(//evil.test)' } }],
    ['@import', { base: { fontFamily: '@import "//evil.test/a.css"' } }],
    ['declaration injection', { base: { color: 'red; background: url(//evil.test)' } }],
    ['block injection', { base: { color: 'red} input[value^="4"]{color:red' } }],
    ['expression()', { base: { color: 'expression(alert(1))' } }],
    ['image-set()', { base: { backgroundColor: 'image-set("x.png" 1x)' } }],
    ['var()', { base: { color: 'var(--x)' } }],
    ['attr()', { base: { color: 'attr(value)' } }],
    ['comment', { base: { color: 'red/**/' } }],
    ['javascript:', { base: { color: 'javascript:alert(1)' } }],
    ['background-image property', { base: { backgroundImage: 'none' } }],
    ['content property', { base: { content: '"x"' } }],
    ['unknown variant', { hover: { color: 'red' } }],
    ['selector as a key', { base: { 'input[value^="4"]': { color: 'red' } } }],
    ['nested pseudo in pseudo', { base: { ':focus': { ':hover': { color: 'red' } } } }],
    ['non-string value', { base: { fontSize: 16 } }],
    ['quotes outside fontFamily', { base: { color: '"red"' } }],
    ['unbalanced parenthesis', { base: { color: 'rgb(0,0,0' } }],
    ['an empty value', { base: { color: '  ' } }],
    ['very long value', { base: { fontFamily: 'a'.repeat(500) } }],
    [
      'class instance',
      {
        base: new (class Evil {
          color = 'red';
        })(),
      },
    ],
    ['array', [{ color: 'red' }]],
    ['prototype pollution key', JSON.parse('{"__proto__": {"color": "red"}}')],
    // Issue 13, finding 14: a string that does not close, or closes on a raw newline, swallows
    // what follows it in the generated stylesheet.
    ['unbalanced double quote in fontFamily', { base: { fontFamily: '"Inter, sans-serif' } }],
    ['unbalanced single quote in fontFamily', { base: { fontFamily: "Inter', sans-serif" } }],
    ['mixed quotes in fontFamily', { base: { fontFamily: '"Inter\', sans-serif' } }],
    ['raw newline in fontFamily', { base: { fontFamily: '"Inter\n", sans-serif' } }],
    ['raw newline between tokens', { base: { padding: '8px\n12px' } }],
    ['carriage return, tab, form feed', { base: { fontFamily: 'Inter\r\t\fArial' } }],
    ['fontFamily with parentheses', { base: { fontFamily: 'rgb(0,0,0)' } }],
  ];
  it.each(attacks)('rejects %s', (_name, style) => {
    const result = sanitizeCardStyle(style);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_STYLE');
  });

  it('never lets through a value that could load a resource or break out of a declaration (fuzz)', () => {
    // A resource load or an injection needs a function call (url(, image-set(, expression(…) or a
    // character that leaves the declaration; a bare word such as `url` is only an unknown keyword.
    const breakout = /@|\\|;|\{|\}|<|>|\/\*/;
    const calls = (value: string) => [...value.matchAll(/([a-z-]*)\s*\(/gi)].map(([, name]) => (name ?? '').toLowerCase());
    fc.assert(
      fc.property(
        fc.constantFrom(...STYLE_PROPERTIES),
        // Built from CSS tokens, not characters: random characters almost never spell `url(`.
        fc
          .array(
            fc.constantFrom(
              ...['url(', 'URL (', 'image-set(', 'expression(', 'var(', 'attr(', 'env(', 'rgb(', 'rgba(', '(', ')', '@import', '\\'],
              ...[';', '{', '}', '<', '>', '/*', '*/', '"', "'", ' ', ',', '/', 'red', '#fff', '12px', '50%', '0', 'x', '-', 'url'],
              ...['\n', '\r', '\t', '\f', '"Inter"', "'Helvetica Neue'", 'sans-serif', 'Arial'],
            ),
            { maxLength: 8 },
          )
          .map((tokens) => tokens.join('')),
        (property, value) => {
          const result = sanitizeCardStyle({ base: { [property]: value } });
          if (result.ok) {
            const accepted = Object.values(result.value.base ?? {}).join(' ');
            expect(accepted).not.toMatch(breakout);
            for (const name of calls(accepted)) expect(['rgb', 'rgba', 'hsl', 'hsla']).toContain(name);
            expect(styleRulesToCss(result.value.base ?? {}).split(';').length).toBeLessThanOrEqual(2);
            // No raw line breaks or other control characters, and every CSS string closes.
            expect(accepted).not.toMatch(/[\n\r\t\f\v]/);
            expect(stringsClose(accepted)).toBe(true);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/** CSS tokenization of strings (CSS Syntax §4.3.5): a string closes on its own quote, before any newline or the end. */
function stringsClose(value: string): boolean {
  let quote: string | undefined;
  for (const c of value) {
    if (quote === undefined) {
      if (c === '"' || c === "'") quote = c;
    } else if (c === quote) quote = undefined;
    else if (c === '\n' || c === '\r' || c === '\f') return false;
  }
  return quote === undefined;
}

describe('styleValueProblem', () => {
  it('allows colour functions and font lists', () => {
    expect(styleValueProblem('color', 'rgb(0 0 0 / 50%)')).toBeUndefined();
    expect(styleValueProblem('fontFamily', "'Helvetica Neue', Arial")).toBeUndefined();
    expect(styleValueProblem('fontFamily', '-apple-system, "Segoe UI", Helvetica Neue, sans-serif')).toBeUndefined();
    expect(styleValueProblem('padding', '8px 12px')).toBeUndefined();
  });
  it('names the reason for a refusal', () => {
    expect(styleValueProblem('color', 'url(x)')).toBe('url() not allowed');
    expect(styleValueProblem('color', 'red;')).toBe('character not allowed');
    expect(styleValueProblem('color', 'rgb(1,2,3')).toBe('unbalanced parentheses');
  });
});

describe('styleRulesToCss', () => {
  it('writes kebab-case declarations', () => {
    expect(styleRulesToCss({ fontSize: '16px', backgroundColor: '#fff' })).toBe('font-size: 16px; background-color: #fff;');
  });
});
